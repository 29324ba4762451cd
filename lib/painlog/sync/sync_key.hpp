// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The secret that paired replicas share: 32 random bytes, carried from one
// machine to the next as text, "PAINLOG-SYNC-KEY-1" and Bech32 (the
// encoding of age's keys: its checksum catches a mistyped character), alone
// or in a key file with comment lines. Everything in a sync folder is sealed
// with keys derived from it (HKDF-SHA-256).

#include <array>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "painlog/crypto/sodium.hpp"

namespace painlog {

class SyncKey {
public:
    SyncKey() = default;
    explicit SyncKey(const crypto::Key32& secret) : secret_(secret) {}
    SyncKey(const SyncKey&) = default;
    SyncKey& operator=(const SyncKey&) = default;
    ~SyncKey() { crypto::wipe(secret_); }

    [[nodiscard]] static SyncKey generate();
    // From the 32 bytes a diary stores; RuntimeError for any other length.
    [[nodiscard]] static SyncKey from_bytes(const crypto::Bytes& bytes);

    [[nodiscard]] const crypto::Key32& secret() const { return secret_; }
    [[nodiscard]] crypto::Bytes bytes() const { return {secret_.begin(), secret_.end()}; }
    // The key that seals files.
    [[nodiscard]] crypto::Key32 file_key() const;
    // 8 bytes that name the key in every file without giving it away, so
    // that a file sealed with another key is told from a damaged one.
    [[nodiscard]] std::array<std::uint8_t, 8> id() const;

private:
    crypto::Key32 secret_{};
};

// "PAINLOG-SYNC-KEY-1..." (76 characters).
[[nodiscard]] std::string encode_sync_key(const SyncKey& key);
// Any case; InputError naming `where` (a file or "the key typed"), never
// the text, which may be most of a secret.
[[nodiscard]] SyncKey parse_sync_key(std::string_view text, std::string_view where);

// A key file: comment lines saying what it is and for which folder, then
// the key.
[[nodiscard]] std::string sync_key_file_text(const SyncKey& key, std::string_view folder, std::string_view created);
// The key of a key file, or of a line holding only the key: the first line
// that is neither blank nor a '#' comment. InputError naming `name`.
[[nodiscard]] SyncKey read_sync_key(std::istream& in, const std::string& name);

}  // namespace painlog
