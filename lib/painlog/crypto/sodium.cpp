// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/crypto/sodium.hpp"

#include <sodium.h>

#include "painlog/util/error.hpp"

namespace painlog::crypto {

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw RuntimeError("libsodium cannot start (no source of randomness)");
}

std::span<const std::uint8_t> as_bytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

namespace {

void hmac_into(std::span<const std::uint8_t> key, std::span<const std::span<const std::uint8_t>> parts,
               std::uint8_t* out) {
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.data(), key.size());
    for (auto part : parts) crypto_auth_hmacsha256_update(&state, part.data(), part.size());
    crypto_auth_hmacsha256_final(&state, out);
    sodium_memzero(&state, sizeof state);
}

}  // namespace

Key32 hmac_sha256(const Key32& key, std::span<const std::uint8_t> message) {
    ensure_sodium();
    Key32 out{};
    std::array parts{message};
    hmac_into(key, parts, out.data());
    return out;
}

Bytes hkdf_sha256(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt, std::string_view info,
                  std::size_t length) {
    ensure_sodium();
    constexpr std::size_t hash = crypto_auth_hmacsha256_BYTES;
    if (length > 255 * hash) throw std::length_error("HKDF-SHA-256: more than 255 blocks asked for");
    Key32 zero_salt{};
    Key32 prk{};
    std::array extract{ikm};
    hmac_into(salt.empty() ? std::span<const std::uint8_t>(zero_salt) : salt, extract, prk.data());
    Bytes out;
    out.reserve(length + hash);
    std::array<std::uint8_t, hash> block{};
    for (std::uint8_t counter = 1; out.size() < length; ++counter) {
        // T(n) = HMAC(PRK, T(n-1) || info || n), T(0) empty.
        std::span<const std::uint8_t> previous(block.data(), counter == 1 ? 0 : hash);
        std::array<std::uint8_t, 1> n{counter};
        std::array expand{previous, as_bytes(info), std::span<const std::uint8_t>(n)};
        hmac_into(prk, expand, block.data());
        out.insert(out.end(), block.begin(), block.end());
    }
    out.resize(length);
    wipe(prk);
    wipe(block);
    return out;
}

Key32 hkdf_key(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt, std::string_view info) {
    auto bytes = hkdf_sha256(ikm, salt, info, 32);
    Key32 key{};
    std::copy(bytes.begin(), bytes.end(), key.begin());
    wipe(bytes);
    return key;
}

void random_fill(std::span<std::uint8_t> out) {
    ensure_sodium();
    randombytes_buf(out.data(), out.size());
}

Bytes blake2b(std::span<const std::uint8_t> message, std::size_t length) {
    ensure_sodium();
    Bytes out(length);
    crypto_generichash(out.data(), out.size(), message.data(), message.size(), nullptr, 0);
    return out;
}

std::string base64_encode(std::span<const std::uint8_t> bytes) {
    ensure_sodium();
    constexpr int variant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING;
    std::string text(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), variant);
    text.resize(text.size() - 1);  // the terminating NUL
    return text;
}

std::optional<Bytes> base64_decode(std::string_view text) {
    ensure_sodium();
    Bytes bytes(text.size() * 3 / 4 + 1);
    std::size_t length = 0;
    const char* end = nullptr;
    // No characters to ignore; libsodium refuses unused bits that are not
    // zero, so only the canonical encoding decodes.
    int rc = sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, &end,
                               sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    if (rc != 0 || end != text.data() + text.size()) return std::nullopt;
    bytes.resize(length);
    return bytes;
}

void wipe(std::span<std::uint8_t> secret) { sodium_memzero(secret.data(), secret.size()); }
void wipe(std::string& secret) { sodium_memzero(secret.data(), secret.size()); }

}  // namespace painlog::crypto
