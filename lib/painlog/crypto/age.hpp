// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The age file format (age-encryption.org/v1, c2sp.org/age), written and
// read as streams: a text header that wraps a random 16-byte file key for
// each recipient (X25519 public keys, or one passphrase through scrypt),
// authenticated by an HMAC, then the payload in 64 KiB chunks, each sealed
// with ChaCha20-Poly1305. Every primitive is libsodium's (sodium.hpp).
//
// A Reader hands on a chunk's plaintext only once that chunk has
// authenticated, and fails (InputError) on a tampered, truncated or
// extended file when it reaches the damage; a caller that must not act on
// part of a file (a restore, an import) reads to the end before acting.

#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "painlog/crypto/age_keys.hpp"
#include "painlog/crypto/sodium.hpp"

namespace painlog::age {

// age's own default for scrypt: about a second and 256 MiB.
inline constexpr int default_work_factor = 18;
// The most a file may ask of a reader (log2 of scrypt's N), as age 1.1
// does: 22 is 4 GiB and several seconds; more is refused, not computed.
inline constexpr int max_work_factor = 22;
// A real header is a few hundred bytes (an X25519 stanza is 110); a longer
// one, or more stanzas than anyone encrypts to, is refused before any key
// work, so that a hostile file cannot make a reader spin.
inline constexpr std::size_t max_header_bytes = 64 * 1024;
inline constexpr std::size_t max_stanzas = 64;
inline constexpr std::size_t chunk_size = 64 * 1024;

// The text that starts every age file, whatever its version.
inline constexpr std::string_view magic = "age-encryption.org/";
[[nodiscard]] inline bool is_age(std::string_view head) { return head.starts_with(magic); }

// A passphrase, wiped when it goes.
class Passphrase {
public:
    explicit Passphrase(std::string text, int work_factor = default_work_factor)
        : text_(std::move(text)), work_factor_(work_factor) {}
    Passphrase(const Passphrase&) = default;
    Passphrase& operator=(const Passphrase&) = default;
    ~Passphrase() { crypto::wipe(text_); }
    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] int work_factor() const { return work_factor_; }

private:
    std::string text_;
    int work_factor_;
};

// Whom a file is sealed for: one or more public keys, or one passphrase.
using SealFor = std::variant<std::vector<X25519Recipient>, Passphrase>;

// What may open a file: secret keys, and a passphrase for a file sealed
// with one. `work_factor_limit` is lowered by the fuzz target only.
struct Keys {
    std::vector<X25519Identity> identities;
    std::optional<Passphrase> passphrase;
    int work_factor_limit = max_work_factor;
};

// One recipient stanza of a header: "-> ARG...", then its body.
struct Stanza {
    std::vector<std::string> args;
    crypto::Bytes body;
};

// Writes an age file to `out`: the header and nonce at once, then the
// payload as it is written to this buffer (wrap it in a std::ostream).
// finish() seals the last chunk; without it the file is incomplete and
// every reader refuses it.
class Writer final : public std::streambuf {
public:
    Writer(std::ostream& out, const SealFor& seal);
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    ~Writer() override;
    void finish();

protected:
    int_type overflow(int_type c) override;

private:
    void seal_chunk(bool last);

    std::ostream& out_;
    crypto::Key32 payload_key_{};
    std::uint64_t counter_ = 0;
    std::vector<char> plain_;
    std::vector<std::uint8_t> sealed_;
    bool finished_ = false;
};

// Reads an age file from `in`, named `name` in errors: the header at
// construction (InputError if it is not a valid v1 header), the file key
// at open(), the payload as this buffer is read (wrap it in a std::istream
// with exceptions(std::ios::badbit), so that a damaged chunk's InputError
// reaches the caller instead of ending the stream quietly).
class Reader final : public std::streambuf {
public:
    Reader(std::istream& in, std::string name);
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    ~Reader() override;

    // True when the header's stanza is a passphrase's (scrypt).
    [[nodiscard]] bool sealed_with_passphrase() const;
    // Unwraps the file key with `keys` and checks the header's MAC;
    // InputError when nothing in `keys` opens the file.
    void open(const Keys& keys);

protected:
    int_type underflow() override;

private:
    void read_header();
    std::string read_header_line();
    void read_stanza(std::string_view arg_line);
    std::optional<crypto::Key32> unwrap(const Keys& keys) const;
    std::optional<crypto::Key32> unwrap_passphrase(const Keys& keys) const;
    std::optional<crypto::Key32> unwrap_x25519(const Keys& keys) const;
    void check_mac(const crypto::Key32& file_key) const;
    std::size_t read_chunk();
    [[noreturn]] void fail(std::string_view what) const;

    std::istream& in_;
    std::string name_;
    std::string header_;  // up to and including "---", for the MAC
    std::vector<Stanza> stanzas_;
    crypto::Bytes mac_;
    crypto::Key32 payload_key_{};
    bool opened_ = false, done_ = false;
    // Why the file ends wrongly after the chunk just handed on, which
    // authenticated (a full chunk and then the end, or more after the
    // final chunk): thrown at the next read, as age's own reader does.
    std::string pending_error_;
    std::uint64_t counter_ = 0;
    std::vector<std::uint8_t> sealed_;
    std::vector<char> plain_;
};

}  // namespace painlog::age
