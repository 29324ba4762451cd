// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the age reader (header, stanzas, MAC, chunks), with the
// identity and passphrase of the C2SP/CCTV vectors that seed its corpus,
// so that inputs which decrypt are reachable. It must never crash, leak or
// hang, and must fail only with InputError: a hostile file is bad input.
// The scrypt work factor is capped at 10 here (a millisecond) instead of
// 22, so that the fuzzer measures the parser, not scrypt.

#include <cstdint>
#include <istream>
#include <sstream>
#include <string>

#include "fuzz_support.hpp"
#include "painlog/crypto/age.hpp"
#include "painlog/util/error.hpp"

using namespace painlog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const age::Keys keys = [] {
        age::Keys k;
        k.identities.push_back(
            age::parse_identity("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0", "fuzz"));
        k.passphrase.emplace("password");
        k.work_factor_limit = 10;
        return k;
    }();
    std::istringstream in(std::string(fuzz::as_text(data, size)));
    try {
        age::Reader reader(in, "fuzz");
        reader.open(keys);
        std::istream plain(&reader);
        plain.exceptions(std::ios::badbit);
        std::string released;
        for (char c = 0; plain.get(c);) released += c;
        // A file that opened to its end was at least a header, a nonce and one chunk's tag.
        fuzz::require(size >= released.size() + 16 + 16, "more plaintext than the file could hold");
    } catch (const InputError&) {
    }
    return 0;
}
