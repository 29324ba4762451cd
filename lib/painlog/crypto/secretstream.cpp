// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/crypto/secretstream.hpp"

#include <sodium.h>

#include <algorithm>

namespace painlog::crypto {
namespace {

constexpr std::size_t length_bytes = 4;

void put_length(Bytes& out, std::size_t n) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>((n >> shift) & 0xff));
}

std::size_t get_length(std::span<const std::uint8_t> in) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < length_bytes; ++i) n = (n << 8) | in[i];
    return n;
}

// The cipher's state, wiped however the function that holds it returns.
struct WipedStreamState {
    crypto_secretstream_xchacha20poly1305_state state;
    WipedStreamState() = default;
    WipedStreamState(const WipedStreamState&) = delete;
    WipedStreamState& operator=(const WipedStreamState&) = delete;
    ~WipedStreamState() { sodium_memzero(&state, sizeof state); }
};

}  // namespace

Bytes seal_stream(const Key32& key, std::span<const std::uint8_t> associated, std::span<const std::uint8_t> plaintext) {
    ensure_sodium();
    WipedStreamState wiped;
    auto& state = wiped.state;
    Bytes out(crypto_secretstream_xchacha20poly1305_HEADERBYTES);
    crypto_secretstream_xchacha20poly1305_init_push(&state, out.data(), key.data());
    std::size_t offset = 0;
    do {
        auto n = std::min(stream_message_size, plaintext.size() - offset);
        bool last = offset + n == plaintext.size();
        auto sealed_length = n + crypto_secretstream_xchacha20poly1305_ABYTES;
        put_length(out, sealed_length);
        auto at = out.size();
        out.resize(at + sealed_length);
        crypto_secretstream_xchacha20poly1305_push(
            &state, out.data() + at, nullptr, plaintext.data() + offset, n, associated.data(), associated.size(),
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        offset += n;
    } while (offset < plaintext.size());
    return out;
}

std::optional<Bytes> open_stream(const Key32& key, std::span<const std::uint8_t> associated,
                                 std::span<const std::uint8_t> sealed) {
    ensure_sodium();
    constexpr auto header = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    constexpr auto tag_bytes = crypto_secretstream_xchacha20poly1305_ABYTES;
    WipedStreamState wiped;
    auto& state = wiped.state;
    if (sealed.size() < header || crypto_secretstream_xchacha20poly1305_init_pull(&state, sealed.data(), key.data()) != 0)
        return std::nullopt;
    Bytes plain;
    std::size_t offset = header;
    bool final = false;
    while (!final) {
        if (sealed.size() - offset < length_bytes) return std::nullopt;  // cut short
        auto n = get_length(sealed.subspan(offset));
        offset += length_bytes;
        if (n < tag_bytes || n > stream_message_size + tag_bytes || n > sealed.size() - offset) return std::nullopt;
        auto at = plain.size();
        plain.resize(at + n - tag_bytes);
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data() + at, nullptr, &tag, sealed.data() + offset,
                                                       n, associated.data(), associated.size()) != 0)
            return std::nullopt;
        offset += n;
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
    if (offset != sealed.size()) return std::nullopt;  // more after the final message
    return plain;
}

}  // namespace painlog::crypto
