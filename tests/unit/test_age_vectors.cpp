// SPDX-License-Identifier: GPL-3.0-or-later
// The C2SP/CCTV age test vectors (tests/fixtures/age/cctv/README.md says
// which and from where): each file is opened with its identities and
// passphrase, must succeed or fail as its "expect:" line says, and the
// plaintext released before any failure must hash to its "payload:" line.

#include <doctest/doctest.h>

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "painlog/crypto/age.hpp"
#include "painlog/util/error.hpp"

using namespace painlog;

namespace {

struct Vector {
    std::multimap<std::string, std::string> fields;
    std::string file;
};

Vector read_vector(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto split = bytes.find("\n\n");
    REQUIRE(split != std::string::npos);
    Vector vector;
    std::istringstream header(bytes.substr(0, split));
    for (std::string line; std::getline(header, line);) {
        auto colon = line.find(": ");
        REQUIRE(colon != std::string::npos);
        vector.fields.emplace(line.substr(0, colon), line.substr(colon + 2));
    }
    vector.file = bytes.substr(split + 2);
    return vector;
}

std::string sha256_hex(const std::string& bytes) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> hash{};
    crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex;
    for (auto b : hash) hex += fmt::format("{:02x}", b);
    return hex;
}

age::Keys keys_of(const Vector& vector) {
    age::Keys keys;
    auto [first, last] = vector.fields.equal_range("identity");
    for (auto it = first; it != last; ++it) keys.identities.push_back(age::parse_identity(it->second, "vector"));
    if (auto it = vector.fields.find("passphrase"); it != vector.fields.end()) keys.passphrase.emplace(it->second);
    return keys;
}

// What a reader released, and the error that stopped it, if any.
std::pair<std::string, std::string> decrypt(const Vector& vector) {
    std::istringstream in(vector.file);
    std::string released;
    try {
        age::Reader reader(in, "vector");
        reader.open(keys_of(vector));
        std::istream plain(&reader);
        plain.exceptions(std::ios::badbit);
        for (char c = 0; plain.get(c);) released += c;
        return {released, ""};
    } catch (const InputError& e) {
        return {released, e.what()};
    }
}

}  // namespace

TEST_CASE("age: the C2SP/CCTV test vectors") {
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(PAINLOG_AGE_VECTORS))
        if (item.path().extension() != ".md") files.push_back(item.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 89);
    for (const auto& path : files) {
        auto name = path.filename().string();
        CAPTURE(name);
        auto vector = read_vector(path);
        auto expect = vector.fields.find("expect")->second;
        // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
        auto outcome = decrypt(vector);
        const auto& released = outcome.first;
        const auto& error = outcome.second;
        CAPTURE(error);
        if (expect == "success") CHECK(error.empty());
        else CHECK_FALSE(error.empty());
        if (auto payload = vector.fields.find("payload"); payload != vector.fields.end())
            CHECK(sha256_hex(released) == payload->second);
    }
}
