// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/sync/sync_key.hpp"

#include <algorithm>
#include <cctype>
#include <istream>

#include <fmt/format.h>

#include "painlog/crypto/bech32.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

constexpr std::string_view sync_key_hrp = "painlog-sync-key-";

std::string trimmed_key_line(std::string line) {
    auto not_space = [](unsigned char c) { return !std::isspace(c); };
    line.erase(line.begin(), std::find_if(line.begin(), line.end(), not_space));
    line.erase(std::find_if(line.rbegin(), line.rend(), not_space).base(), line.end());
    return line;
}

}  // namespace

SyncKey SyncKey::generate() {
    crypto::Key32 secret{};
    crypto::random_fill(secret);
    SyncKey key(secret);
    crypto::wipe(secret);
    return key;
}

SyncKey SyncKey::from_bytes(const crypto::Bytes& bytes) {
    if (bytes.size() != crypto::Key32{}.size())
        throw RuntimeError(fmt::format("the stored sync key has {} bytes, expected 32; run painlog db check",
                                       bytes.size()));
    crypto::Key32 secret{};
    std::copy(bytes.begin(), bytes.end(), secret.begin());
    SyncKey key(secret);
    crypto::wipe(secret);
    return key;
}

crypto::Key32 SyncKey::file_key() const { return crypto::hkdf_key(secret_, {}, "painlog-sync/v1 files"); }

std::array<std::uint8_t, 8> SyncKey::id() const {
    auto derived = crypto::hkdf_key(secret_, {}, "painlog-sync/v1 key id");
    std::array<std::uint8_t, 8> id{};
    std::copy_n(derived.begin(), id.size(), id.begin());
    return id;
}

std::string encode_sync_key(const SyncKey& key) {
    auto bytes = key.bytes();
    auto text = crypto::bech32_encode(sync_key_hrp, crypto::to_5bit(bytes));
    crypto::wipe(bytes);
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

SyncKey parse_sync_key(std::string_view text, std::string_view where) {
    auto refuse = [&](std::string_view why) {
        return InputError(fmt::format("{}: {}; expected the PAINLOG-SYNC-KEY-1... key that painlog sync init gave",
                                      where, why));
    };
    auto decoded = crypto::bech32_decode(text);
    if (!decoded) {
        std::string lower(text);
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower.starts_with(sync_key_hrp)) throw refuse("not a sync key (a character is wrong or missing)");
        throw refuse("not a sync key");
    }
    if (decoded->hrp != sync_key_hrp) throw refuse("not a sync key");
    auto bytes = crypto::from_5bit(decoded->data);
    if (!bytes || bytes->size() != crypto::Key32{}.size()) throw refuse("a sync key of the wrong length");
    auto key = SyncKey::from_bytes(*bytes);
    crypto::wipe(*bytes);
    return key;
}

std::string sync_key_file_text(const SyncKey& key, std::string_view folder, std::string_view created) {
    return fmt::format("# painlog sync key, created: {}\n"
                       "# for the sync folder: {}\n"
                       "# Anyone with this key and the folder can read and change the diary: keep it\n"
                       "# off the folder, and remove it once the other machines have joined.\n"
                       "{}\n",
                       created, folder, encode_sync_key(key));
}

SyncKey read_sync_key(std::istream& in, const std::string& name) {
    std::string line;
    while (std::getline(in, line)) {
        auto text = trimmed_key_line(line);
        crypto::wipe(line);
        if (text.empty() || text.starts_with('#')) continue;
        auto key = parse_sync_key(text, name);
        crypto::wipe(text);
        return key;
    }
    if (in.bad()) throw RuntimeError(fmt::format("{}: cannot read", name));
    throw InputError(fmt::format("{}: holds no key; expected the PAINLOG-SYNC-KEY-1... key that painlog sync init gave",
                                 name));
}

}  // namespace painlog
