// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/crypto/age_keys.hpp"

#include <sodium.h>

#include <algorithm>
#include <istream>

#include <fmt/format.h>

#include "painlog/crypto/bech32.hpp"
#include "painlog/util/error.hpp"

namespace painlog::age {
namespace {

constexpr std::string_view recipient_hrp = "age";
constexpr std::string_view identity_hrp = "age-secret-key-";

// The 32 bytes behind a Bech32 key with `hrp`, or nullopt.
std::optional<crypto::Key32> decode_key(std::string_view text, std::string_view hrp) {
    auto decoded = crypto::bech32_decode(text);
    if (!decoded || decoded->hrp != hrp) return std::nullopt;
    auto bytes = crypto::from_5bit(decoded->data);
    if (!bytes || bytes->size() != 32) return std::nullopt;
    crypto::Key32 key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    crypto::wipe(*bytes);
    return key;
}

std::string encode_key(const crypto::Key32& key, std::string_view hrp) {
    return crypto::bech32_encode(hrp, crypto::to_5bit(std::vector<std::uint8_t>(key.begin(), key.end())));
}

std::string_view trim(std::string_view line) {
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
}

// Calls `parse` with each key line of `in` and where it is ("NAME:LINE").
template <typename Key, typename Parse>
std::vector<Key> read_keys(std::istream& in, const std::string& name, std::string_view what, Parse parse) {
    std::vector<Key> keys;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        auto text = trim(line);
        if (!text.empty() && text.front() != '#') keys.push_back(parse(text, fmt::format("{}:{}", name, number)));
        crypto::wipe(line);
    }
    if (in.bad()) throw RuntimeError(fmt::format("{}: cannot read", name));
    if (keys.empty()) throw InputError(fmt::format("{}: no {} in the file; expected one per line", name, what));
    return keys;
}

}  // namespace

X25519Recipient X25519Identity::recipient() const {
    crypto::ensure_sodium();
    X25519Recipient out;
    crypto_scalarmult_base(out.public_key.data(), secret.data());
    return out;
}

X25519Recipient parse_recipient(std::string_view text, std::string_view where) {
    // A secret key where a public one belongs is a slip worth naming, and
    // a secret never to repeat on a terminal or in a log.
    if (decode_key(text, identity_hrp))
        throw InputError(fmt::format("{}: is a secret key (AGE-SECRET-KEY-1...), not a public key; expected the age1... "
                                     "key of its '# public key:' line",
                                     where));
    auto key = decode_key(text, recipient_hrp);
    if (!key)
        throw InputError(fmt::format("{} {}: not an age public key; expected age1 followed by 58 letters and digits "
                                     "(from painlog key generate or age-keygen)",
                                     where, text));
    return X25519Recipient{*key};
}

X25519Identity parse_identity(std::string_view text, std::string_view where) {
    auto key = decode_key(text, identity_hrp);
    if (!key)
        throw InputError(fmt::format("{}: not an age secret key; expected a line AGE-SECRET-KEY-1... "
                                     "(painlog key generate or age-keygen writes one)",
                                     where));
    X25519Identity identity(*key);
    crypto::wipe(*key);
    return identity;
}

std::string encode_recipient(const X25519Recipient& recipient) { return encode_key(recipient.public_key, recipient_hrp); }

std::string encode_identity(const X25519Identity& identity) {
    auto text = encode_key(identity.secret, identity_hrp);
    std::transform(text.begin(), text.end(), text.begin(), [](char c) {
        return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return text;
}

X25519Identity generate_identity() {
    X25519Identity identity;
    crypto::random_fill(identity.secret);
    return identity;
}

std::string identity_file_text(const X25519Identity& identity, std::string_view created) {
    return fmt::format("# created: {}\n# public key: {}\n{}\n", created, encode_recipient(identity.recipient()),
                       encode_identity(identity));
}

std::vector<X25519Recipient> read_recipients(std::istream& in, const std::string& name) {
    return read_keys<X25519Recipient>(in, name, "public key",
                                      [](std::string_view text, const std::string& where) {
                                          return parse_recipient(text, where);
                                      });
}

std::vector<X25519Identity> read_identities(std::istream& in, const std::string& name) {
    return read_keys<X25519Identity>(in, name, "secret key",
                                     [](std::string_view text, const std::string& where) {
                                         return parse_identity(text, where);
                                     });
}

}  // namespace painlog::age
