// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The primitives age needs, each a thin call into libsodium (never written
// by hand), and the few constructions libsodium 1.0.18 lacks, built from
// its parts: HKDF-SHA-256 (RFC 5869) from its HMAC-SHA-256, and age's
// unpadded canonical base64 from its base64 codec.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace painlog::crypto {

using Bytes = std::vector<std::uint8_t>;
using Key32 = std::array<std::uint8_t, 32>;

// Initialises libsodium once; every function here calls it first.
void ensure_sodium();

[[nodiscard]] std::span<const std::uint8_t> as_bytes(std::string_view text);

// HKDF-SHA-256 with `length` bytes of output (at most 255 * 32). An empty
// salt is HMAC's key of 32 zero bytes, as RFC 5869 says.
[[nodiscard]] Bytes hkdf_sha256(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                                std::string_view info, std::size_t length);
// The 32-byte keys age derives.
[[nodiscard]] Key32 hkdf_key(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                             std::string_view info);

[[nodiscard]] Key32 hmac_sha256(const Key32& key, std::span<const std::uint8_t> message);

void random_fill(std::span<std::uint8_t> out);

// BLAKE2b (libsodium's generic hash) of `message`, `length` bytes (16 to 64).
[[nodiscard]] Bytes blake2b(std::span<const std::uint8_t> message, std::size_t length);

// Standard base64 without '=' padding (RFC 4648 section 4). decode accepts
// only the canonical encoding: no padding, no white space, unused bits zero.
[[nodiscard]] std::string base64_encode(std::span<const std::uint8_t> bytes);
[[nodiscard]] std::optional<Bytes> base64_decode(std::string_view text);

// Overwrites secrets before their memory is given back.
void wipe(std::span<std::uint8_t> secret);
void wipe(std::string& secret);

}  // namespace painlog::crypto
