// SPDX-License-Identifier: GPL-3.0-or-later
// age files written and read back by painlog: every size around the chunk
// boundaries, both recipient types, and every way a file can be wrong: a
// flipped byte anywhere, a cut at any byte or chunk boundary, data
// appended, the wrong key, a hostile header.

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <fmt/format.h>

#include "painlog/crypto/age.hpp"
#include "painlog/util/error.hpp"

using namespace painlog;
using namespace painlog::age;

namespace {

// scrypt's smallest work factors, so that hundreds of files take no time;
// the format is the same at 18.
constexpr int quick_work_factor = 2;

std::string seal(const std::string& plain, const SealFor& seal_for) {
    std::ostringstream out;
    Writer writer(out, seal_for);
    std::ostream sealed(&writer);
    sealed << plain;
    writer.finish();
    return out.str();
}

// The plaintext, or the InputError's message prefixed with "error: ".
std::string open_sealed(const std::string& file, const Keys& keys) {
    std::istringstream in(file);
    try {
        Reader reader(in, "f.age");
        reader.open(keys);
        std::istream plain(&reader);
        plain.exceptions(std::ios::badbit);
        // Not `out << plain.rdbuf()`: operator<< swallows the reader's
        // exception and only sets failbit on `out`.
        std::string out;
        for (char c = 0; plain.get(c);) out += c;
        return out;
    } catch (const InputError& e) {
        return std::string("error: ") + e.what();
    }
}

std::string pattern(std::size_t size) {
    std::string text(size, '\0');
    for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>(i * 7 + i / 251);
    return text;
}

struct KeyPair {
    X25519Identity identity = generate_identity();
    X25519Recipient recipient = identity.recipient();
};

Keys with_identity(const KeyPair& pair) {
    Keys keys;
    keys.identities.push_back(pair.identity);
    return keys;
}

Keys with_passphrase(std::string text) {
    Keys keys;
    keys.passphrase.emplace(std::move(text));
    return keys;
}

std::vector<X25519Recipient> to(const KeyPair& pair) { return {pair.recipient}; }

// Where the payload starts: after the header's MAC line and the 16-byte nonce.
std::size_t payload_start(const std::string& file) { return file.find("\n---") + 1 + 4 + 43 + 1 + 16; }

}  // namespace

TEST_CASE("age: a round trip to a public key at every size around the chunk boundaries") {
    KeyPair pair;
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, chunk_size - 1, chunk_size, chunk_size + 1,
                             2 * chunk_size, 3 * chunk_size + 5}) {
        CAPTURE(size);
        auto plain = pattern(size);
        auto file = seal(plain, to(pair));
        CHECK(file.starts_with("age-encryption.org/v1\n-> X25519 "));
        auto chunks = size == 0 ? 1 : (size + chunk_size - 1) / chunk_size;
        CHECK(file.size() == payload_start(file) + size + 16 * chunks);
        CHECK(open_sealed(file, with_identity(pair)) == plain);
    }
}

TEST_CASE("age: a passphrase file has one scrypt stanza with its work factor, and opens with it only") {
    auto file = seal("diary", Passphrase("correct horse", quick_work_factor));
    CHECK(file.starts_with("age-encryption.org/v1\n-> scrypt "));
    CHECK(file.find(" 2\n") != std::string::npos);
    CHECK(open_sealed(file, with_passphrase("correct horse")) == "diary");
    CHECK(open_sealed(file, with_passphrase("correct horsf")) ==
          "error: f.age: wrong passphrase (or the file's passphrase stanza was changed)");
    CHECK(open_sealed(file, Keys{}) ==
          "error: f.age: sealed with a passphrase; expected one (--passphrase, --passphrase-file or --passphrase-fd)");
    std::istringstream in(file);
    CHECK(Reader(in, "f").sealed_with_passphrase());
}

TEST_CASE("age: several recipients, each opens alone; a stranger's key does not") {
    KeyPair a, b, stranger;
    auto file = seal("for both", std::vector{a.recipient, b.recipient});
    CHECK(open_sealed(file, with_identity(a)) == "for both");
    CHECK(open_sealed(file, with_identity(b)) == "for both");
    CHECK(open_sealed(file, with_identity(stranger)) ==
          "error: f.age: none of the secret keys given opens it; expected the identity of one of its recipients");
    CHECK(open_sealed(file, with_passphrase("x")) ==
          "error: f.age: sealed for public keys, not a passphrase; expected --identity FILE with a matching secret key");
    Keys both = with_identity(stranger);
    both.identities.push_back(b.identity);
    CHECK(open_sealed(file, both) == "for both");
}

TEST_CASE("age: every flipped bit position of a small file is refused, and no plaintext escapes") {
    KeyPair pair;
    auto file = seal("pain 6, mood 4", to(pair));
    for (std::size_t at = 0; at < file.size(); ++at) {
        CAPTURE(at);
        auto damaged = file;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
        CHECK(open_sealed(damaged, with_identity(pair)).starts_with("error: f.age: "));
    }
}

TEST_CASE("age: every flipped byte of a small passphrase file is refused") {
    auto file = seal("pain 6, mood 4", Passphrase("pw", quick_work_factor));
    for (std::size_t at = 0; at < file.size(); ++at) {
        CAPTURE(at);
        auto damaged = file;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x80);
        CHECK(open_sealed(damaged, with_passphrase("pw")).starts_with("error: f.age: "));
    }
}

TEST_CASE("age: a file cut at any byte of a small file, or at any chunk boundary, is refused") {
    KeyPair pair;
    auto small = seal("pain 6", to(pair));
    for (std::size_t length = 0; length < small.size(); ++length) {
        CAPTURE(length);
        CHECK(open_sealed(small.substr(0, length), with_identity(pair)).starts_with("error: f.age: "));
    }
    auto plain = pattern(3 * chunk_size + 10);
    auto file = seal(plain, to(pair));
    auto start = payload_start(file);
    for (std::size_t chunks = 0; chunks <= 3; ++chunks) {
        CAPTURE(chunks);
        auto cut = start + chunks * (chunk_size + 16);
        CHECK(open_sealed(file.substr(0, cut), with_identity(pair)) ==
              fmt::format("error: f.age: the file is cut short after chunk {}: a final chunk is missing", chunks));
    }
}

TEST_CASE("age: a file that ends on a full chunk keeps it as its final chunk; data appended is refused") {
    KeyPair pair;
    auto file = seal(pattern(chunk_size), to(pair));
    CHECK(open_sealed(file, with_identity(pair)) == pattern(chunk_size));
    CHECK(open_sealed(file + "x", with_identity(pair)) ==
          "error: f.age: the file goes on after its final chunk 1; something was appended");
    auto small = seal("pain 6", to(pair));
    CHECK(open_sealed(small + "x", with_identity(pair)) ==
          "error: f.age: chunk 1 was changed or damaged (it does not authenticate)");
}

TEST_CASE("age: a damaged later chunk stops the reader there, after the chunks before it") {
    KeyPair pair;
    auto plain = pattern(2 * chunk_size + 3);
    auto file = seal(plain, to(pair));
    auto& byte = file[payload_start(file) + chunk_size + 16 + 5];
    byte = static_cast<char>(byte ^ 1);
    std::istringstream in(file);
    Reader reader(in, "f.age");
    reader.open(with_identity(pair));
    std::istream stream(&reader);
    stream.exceptions(std::ios::badbit);
    std::string first(chunk_size, '\0');
    stream.read(first.data(), static_cast<std::streamsize>(first.size()));
    CHECK(first == plain.substr(0, chunk_size));
    char c = 0;
    CHECK_THROWS_WITH_AS(stream.get(c), "f.age: chunk 2 was changed or damaged (it does not authenticate)", InputError);
}

TEST_CASE("age: headers that no real file has are refused before any key work") {
    KeyPair pair;
    auto keys = with_identity(pair);
    std::string stanza = "-> X25519 " + std::string(43, 'A') + "\n" + std::string(43, 'A') + "\n";
    std::string many = "age-encryption.org/v1\n";
    for (std::size_t i = 0; i <= max_stanzas; ++i) many += stanza;
    CHECK(open_sealed(many, keys) == fmt::format("error: f.age: the age header has more than {} recipient stanzas, "
                                                 "more than any real one; refused unread",
                                                 max_stanzas));
    auto long_line = "age-encryption.org/v1\n-> x " + std::string(max_header_bytes, 'a');
    CHECK(open_sealed(long_line, keys) ==
          "error: f.age: the age header is longer than 64 KiB, more than any real one; refused unread");
    CHECK(open_sealed("age-encryption.org/v2\n", keys) ==
          "error: f.age: age format version v2 is not supported; expected age-encryption.org/v1");
    CHECK(open_sealed("SQLite format 3\n", keys) ==
          "error: f.age: not an age file; expected it to start with the line age-encryption.org/v1");
    CHECK(open_sealed("", keys) == "error: f.age: empty file; expected an age file");
}

TEST_CASE("age: a file for recipient types painlog lacks names them") {
    auto file = "age-encryption.org/v1\n-> ssh-ed25519 abcd " + std::string(43, 'A') + "\n" + std::string(43, 'A') +
                "\n--- " + std::string(43, 'A') + "\n";
    KeyPair pair;
    CHECK(open_sealed(file, with_identity(pair)) ==
          "error: f.age: sealed for ssh-ed25519 only, which painlog cannot open; painlog opens passphrases and X25519 "
          "keys (age1...)");
}

TEST_CASE("age: a work factor above the limit is refused without computing it") {
    auto file = seal("x", Passphrase("pw", quick_work_factor));
    auto at = file.find(" 2\n");
    auto hostile = file.substr(0, at) + " 23\n" + file.substr(at + 3);
    CHECK(open_sealed(hostile, with_passphrase("pw")) ==
          "error: f.age: its passphrase asks for scrypt work factor 23, above the limit of 22 (4096 MiB of memory and "
          "seconds of work); refused");
}

TEST_CASE("age: identity and recipient files as age-keygen writes them") {
    auto identity = generate_identity();
    auto text = identity_file_text(identity, "2026-11-22T20:00:00Z");
    std::istringstream in(text);
    auto read = read_identities(in, "key.txt");
    REQUIRE(read.size() == 1);
    CHECK(read[0].secret == identity.secret);
    CHECK(text.starts_with("# created: 2026-11-22T20:00:00Z\n# public key: age1"));
    std::istringstream recipients("# the clinic\n\n  " + encode_recipient(identity.recipient()) + "  \n");
    CHECK(read_recipients(recipients, "r.txt")[0].public_key == identity.recipient().public_key);
    std::istringstream empty("# nothing\n");
    CHECK_THROWS_WITH_AS((void)read_recipients(empty, "r.txt"), "r.txt: no public key in the file; expected one per line",
                         InputError);
    std::istringstream wrong("# x\nage1nope\n");
    CHECK_THROWS_WITH_AS((void)read_identities(wrong, "k.txt"), doctest::Contains("k.txt:2: not an age secret key"), InputError);
}
