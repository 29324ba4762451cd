// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/crypto/bech32.hpp"

#include <algorithm>
#include <array>

namespace painlog::crypto {
namespace {

constexpr std::string_view alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

// BIP 173's checksum: a BCH code over GF(32), computed as the polymod of
// the expanded hrp, the data and six zero groups.
std::uint32_t polymod(const std::vector<std::uint8_t>& values) {
    constexpr std::array<std::uint32_t, 5> generator{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    std::uint32_t checksum = 1;
    for (auto value : values) {
        auto top = checksum >> 25;
        checksum = ((checksum & 0x1ffffff) << 5) ^ value;
        for (std::size_t i = 0; i < generator.size(); ++i)
            if ((top >> i) & 1) checksum ^= generator[i];
    }
    return checksum;
}

std::vector<std::uint8_t> expand_hrp(std::string_view hrp) {
    std::vector<std::uint8_t> out;
    for (char c : hrp) out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) >> 5));
    out.push_back(0);
    for (char c : hrp) out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) & 31));
    return out;
}

std::vector<std::uint8_t> checked_values(std::string_view hrp, const std::vector<std::uint8_t>& data) {
    auto values = expand_hrp(hrp);
    values.insert(values.end(), data.begin(), data.end());
    return values;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string bech32_encode(std::string_view hrp, const std::vector<std::uint8_t>& data) {
    auto values = checked_values(hrp, data);
    values.resize(values.size() + 6, 0);
    auto checksum = polymod(values) ^ 1;
    std::string out(hrp);
    out += '1';
    for (auto group : data) out += alphabet[group & 31];
    for (int i = 0; i < 6; ++i) out += alphabet[(checksum >> (5 * (5 - i))) & 31];
    return out;
}

std::optional<Bech32> bech32_decode(std::string_view text) {
    bool has_lower = false, has_upper = false;
    for (char c : text) {
        if (c < 33 || c > 126) return std::nullopt;
        has_lower = has_lower || (c >= 'a' && c <= 'z');
        has_upper = has_upper || (c >= 'A' && c <= 'Z');
    }
    if (has_lower && has_upper) return std::nullopt;
    auto separator = text.rfind('1');
    if (separator == std::string_view::npos || separator == 0 || text.size() - separator - 1 < 6) return std::nullopt;
    Bech32 result;
    std::transform(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(separator), std::back_inserter(result.hrp),
                   lower);
    for (char c : text.substr(separator + 1)) {
        auto at = alphabet.find(lower(c));
        if (at == std::string_view::npos) return std::nullopt;
        result.data.push_back(static_cast<std::uint8_t>(at));
    }
    if (polymod(checked_values(result.hrp, result.data)) != 1) return std::nullopt;
    result.data.resize(result.data.size() - 6);
    return result;
}

std::vector<std::uint8_t> to_5bit(const std::vector<std::uint8_t>& bytes) {
    std::vector<std::uint8_t> groups;
    unsigned buffer = 0, bits = 0;
    for (auto byte : bytes) {
        buffer = (buffer << 8) | byte;
        for (bits += 8; bits >= 5; bits -= 5) groups.push_back(static_cast<std::uint8_t>((buffer >> (bits - 5)) & 31));
    }
    if (bits > 0) groups.push_back(static_cast<std::uint8_t>((buffer << (5 - bits)) & 31));
    return groups;
}

std::optional<std::vector<std::uint8_t>> from_5bit(const std::vector<std::uint8_t>& groups) {
    std::vector<std::uint8_t> bytes;
    unsigned buffer = 0, bits = 0;
    for (auto group : groups) {
        if (group > 31) return std::nullopt;
        buffer = ((buffer << 5) | group) & 0xfff;
        for (bits += 5; bits >= 8; bits -= 8) bytes.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xff));
    }
    if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return bytes;
}

}  // namespace painlog::crypto
