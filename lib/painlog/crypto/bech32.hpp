// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bech32 (BIP 173), the encoding of age's keys: age1... recipients and
// AGE-SECRET-KEY-1... identities. As age uses it: no limit on the length
// (BIP 173's 90 characters would refuse nothing age writes, but the age
// spec drops it), all lowercase or all uppercase, checksum over lowercase.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace painlog::crypto {

struct Bech32 {
    std::string hrp;                  // lowercase
    std::vector<std::uint8_t> data;   // 5-bit groups, checksum removed
};

// The string for `hrp` (lowercase, printable ASCII) and 5-bit `data`, in lowercase.
[[nodiscard]] std::string bech32_encode(std::string_view hrp, const std::vector<std::uint8_t>& data);
// nullopt unless `text` is valid Bech32: mixed case, a bad checksum, a
// character outside the alphabet, no separator or an empty hrp.
[[nodiscard]] std::optional<Bech32> bech32_decode(std::string_view text);

// Bytes to 5-bit groups (the last padded with zero bits), and back; back
// refuses padding of 5 bits or more, or padding bits that are not zero.
[[nodiscard]] std::vector<std::uint8_t> to_5bit(const std::vector<std::uint8_t>& bytes);
[[nodiscard]] std::optional<std::vector<std::uint8_t>> from_5bit(const std::vector<std::uint8_t>& groups);

}  // namespace painlog::crypto
