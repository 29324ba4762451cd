// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces under the age format that painlog builds itself: HKDF from
// libsodium's HMAC (RFC 5869's SHA-256 vectors), Bech32 (BIP 173's vectors)
// and the canonical unpadded base64 age asks for.

#include <doctest/doctest.h>

#include <string>

#include "painlog/crypto/age_keys.hpp"
#include "painlog/crypto/bech32.hpp"
#include "painlog/crypto/sodium.hpp"
#include "painlog/util/error.hpp"

using namespace painlog;
using namespace painlog::crypto;

namespace {

Bytes from_hex(std::string_view hex) {
    Bytes out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

Bytes range(int first, int last) {
    Bytes out;
    for (int b = first; b <= last; ++b) out.push_back(static_cast<std::uint8_t>(b));
    return out;
}

std::string text_of(const Bytes& bytes) { return {bytes.begin(), bytes.end()}; }

}  // namespace

TEST_CASE("HKDF-SHA-256: RFC 5869 test case 1 (basic)") {
    auto okm = hkdf_sha256(Bytes(22, 0x0b), range(0x00, 0x0c), text_of(range(0xf0, 0xf9)), 42);
    CHECK(okm == from_hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
}

TEST_CASE("HKDF-SHA-256: RFC 5869 test case 2 (long inputs, three blocks)") {
    auto okm = hkdf_sha256(range(0x00, 0x4f), range(0x60, 0xaf), text_of(range(0xb0, 0xff)), 82);
    CHECK(okm == from_hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                          "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                          "cc30c58179ec3e87c14c01d5c1f3434f1d87"));
}

TEST_CASE("HKDF-SHA-256: RFC 5869 test case 3 (empty salt and info)") {
    auto okm = hkdf_sha256(Bytes(22, 0x0b), {}, "", 42);
    CHECK(okm == from_hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    // An empty salt is 32 zero bytes.
    CHECK(hkdf_sha256(Bytes(22, 0x0b), Bytes(32, 0), "", 42) == okm);
}

TEST_CASE("Bech32: BIP 173's valid strings decode and encode back") {
    for (std::string text : {std::string("A12UEL5L"), std::string("a12uel5l"),
                             std::string("an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharac"
                                         "tersbio1tt5tgs"),
                             std::string("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"),
                             "11" + std::string(82, 'q') + "c8247j",
                             std::string("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w"),
                             std::string("?1ezyfcl")}) {
        CAPTURE(text);
        auto decoded = bech32_decode(text);
        REQUIRE(decoded);
        std::string lower(text);
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(bech32_encode(decoded->hrp, decoded->data) == lower);
    }
}

TEST_CASE("Bech32: BIP 173's invalid strings are refused") {
    // BIP 173's list, less "an84characters...": the 90-character limit it
    // breaks is one the age spec drops.
    for (std::string text : {std::string("\x20") + "1nwldj5", std::string("\x7f") + "1axkwrx",
                             std::string("\x80") + "1eym55h", std::string("pzry9x0s0muk"), std::string("1pzry9x0s0muk"),
                             std::string("x1b4n0q5v"), std::string("li1dgmt3"), std::string("de1lg7wt") + "\xff",
                             std::string("A1G7SGD8"), std::string("10a06t8"), std::string("1qzzfhee")}) {
        CAPTURE(text);
        CHECK_FALSE(bech32_decode(text));
    }
    CHECK_FALSE(bech32_decode("A12uEL5L"));  // mixed case
}

TEST_CASE("Bech32: 8-bit bytes to 5-bit groups and back, padding checked") {
    Bytes bytes{0xff, 0x00, 0x12, 0x34, 0x56};
    auto groups = to_5bit(bytes);
    CHECK(groups.size() == 8);
    CHECK(from_5bit(groups) == bytes);
    CHECK(from_5bit(to_5bit({0xff})) == Bytes{0xff});
    CHECK_FALSE(from_5bit({31, 31}));  // 10 bits for 1 byte: padding bits not zero
    CHECK_FALSE(from_5bit({31, 28, 0}));  // 15 bits for 1 byte: padding of 5 bits or more
}

TEST_CASE("age keys: the spec's example identity and its recipient") {
    auto identity = age::parse_identity("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX", "test");
    CHECK(identity.secret == Key32{0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42,
                                   0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42,
                                   0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42});
    CHECK(age::encode_recipient(identity.recipient()) == "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj");
    CHECK(age::encode_identity(identity) ==
          "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
    auto recipient = age::parse_recipient("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj", "test");
    CHECK(recipient.public_key == identity.recipient().public_key);
}

TEST_CASE("age keys: a wrong kind of key, a bad checksum or a short key is refused, and a secret never quoted") {
    CHECK_THROWS_WITH_AS((void)age::parse_recipient("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX", "--recipient"),
                         "--recipient: is a secret key (AGE-SECRET-KEY-1...), not a public key; expected the age1... "
                         "key of its '# public key:' line",
                         InputError);
    CHECK_THROWS_AS((void)age::parse_recipient("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwq", "x"), InputError);
    CHECK_THROWS_AS((void)age::parse_recipient(bech32_encode("age", to_5bit(Bytes(16, 1))), "x"), InputError);  // 16 bytes
    try {
        (void)age::parse_identity("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEY", "keys.txt:3");
        FAIL("a bad checksum was accepted");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "keys.txt:3: not an age secret key; expected a line AGE-SECRET-KEY-1... "
                                       "(painlog key generate or age-keygen writes one)");
    }
}

TEST_CASE("base64: unpadded and canonical only") {
    CHECK(base64_encode(Bytes{'a', 'b'}) == "YWI");
    CHECK(base64_decode("YWI") == Bytes{'a', 'b'});
    CHECK_FALSE(base64_decode("YWI="));   // padding
    CHECK_FALSE(base64_decode("YWJ"));    // unused bits not zero
    CHECK_FALSE(base64_decode("YW I"));   // white space
    CHECK_FALSE(base64_decode("Y"));      // not a whole byte
    CHECK(base64_decode("") == Bytes{});
}
