// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bytes sealed with a key that several parties share: libsodium's
// crypto_secretstream_xchacha20poly1305 (XChaCha20-Poly1305, a random
// 24-byte header, messages of up to 64 KiB each authenticated in order,
// the last one tagged final). Only a holder of the key can read or write
// such bytes; a changed, reordered, cut or extended stream does not open.
//
// Layout: the header, then each message as a 4-byte big-endian length and
// its ciphertext. `associated` is bound to every message without being
// stored (a file's name and role), so that a stream does not open as
// anything it was not sealed as.

#include <optional>
#include <span>

#include "painlog/crypto/sodium.hpp"

namespace painlog::crypto {

inline constexpr std::size_t stream_message_size = 64 * 1024;

[[nodiscard]] Bytes seal_stream(const Key32& key, std::span<const std::uint8_t> associated,
                                std::span<const std::uint8_t> plaintext);
// nullopt unless every message authenticates and the last is final.
[[nodiscard]] std::optional<Bytes> open_stream(const Key32& key, std::span<const std::uint8_t> associated,
                                               std::span<const std::uint8_t> sealed);

}  // namespace painlog::crypto
