// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// age's X25519 keys as text: recipients (public, "age1...") and identities
// (secret, "AGE-SECRET-KEY-1..."), one per line in files as age(1) and
// age-keygen(1) write them, '#' lines and blank lines being comments.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "painlog/crypto/sodium.hpp"

namespace painlog::age {

struct X25519Recipient {
    crypto::Key32 public_key{};
};

// Wipes its secret when it goes.
struct X25519Identity {
    crypto::Key32 secret{};
    X25519Identity() = default;
    explicit X25519Identity(const crypto::Key32& key) : secret(key) {}
    X25519Identity(const X25519Identity&) = default;
    X25519Identity& operator=(const X25519Identity&) = default;
    ~X25519Identity() { crypto::wipe(secret); }
    [[nodiscard]] X25519Recipient recipient() const;
};

// Throw InputError naming `text` (a recipient; an identity is never
// quoted: it is a secret) and `where` ("--recipient", "keys.txt:3").
[[nodiscard]] X25519Recipient parse_recipient(std::string_view text, std::string_view where);
[[nodiscard]] X25519Identity parse_identity(std::string_view text, std::string_view where);

[[nodiscard]] std::string encode_recipient(const X25519Recipient& recipient);
[[nodiscard]] std::string encode_identity(const X25519Identity& identity);

[[nodiscard]] X25519Identity generate_identity();

// An identity file as age-keygen writes it: "# created: CREATED",
// "# public key: age1...", then the secret key.
[[nodiscard]] std::string identity_file_text(const X25519Identity& identity, std::string_view created);

// Every key of a file of keys, named `name` in errors; InputError for a line
// that is not one, or a file with none.
[[nodiscard]] std::vector<X25519Recipient> read_recipients(std::istream& in, const std::string& name);
[[nodiscard]] std::vector<X25519Identity> read_identities(std::istream& in, const std::string& name);

}  // namespace painlog::age
