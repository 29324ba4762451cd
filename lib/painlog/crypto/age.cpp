// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/crypto/age.hpp"

#include <sodium.h>

#include <algorithm>
#include <istream>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/util/error.hpp"

namespace painlog::age {
namespace {

constexpr std::string_view version_line = "age-encryption.org/v1";
constexpr std::string_view x25519_info = "age-encryption.org/v1/X25519";
constexpr std::string_view scrypt_label = "age-encryption.org/v1/scrypt";
constexpr std::size_t file_key_size = 16, nonce_size = 16, tag_size = crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr std::size_t body_columns = 64;
using FileKey = std::array<std::uint8_t, file_key_size>;

// ChaCha20-Poly1305 with the zero nonce, as stanzas use it: each wrap key
// seals one file key only.
crypto::Bytes seal_file_key(const crypto::Key32& wrap_key, const FileKey& file_key) {
    crypto::Bytes body(file_key_size + tag_size);
    std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> nonce{};
    crypto_aead_chacha20poly1305_ietf_encrypt(body.data(), nullptr, file_key.data(), file_key.size(), nullptr, 0,
                                              nullptr, nonce.data(), wrap_key.data());
    return body;
}

std::optional<crypto::Key32> open_file_key(const crypto::Key32& wrap_key, const crypto::Bytes& body) {
    FileKey file_key{};
    std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> nonce{};
    if (body.size() != file_key_size + tag_size ||
        crypto_aead_chacha20poly1305_ietf_decrypt(file_key.data(), nullptr, nullptr, body.data(), body.size(),
                                                  nullptr, 0, nonce.data(), wrap_key.data()) != 0)
        return std::nullopt;
    // The file key travels in a Key32 padded with zeros; only 16 bytes count.
    crypto::Key32 out{};
    std::copy(file_key.begin(), file_key.end(), out.begin());
    crypto::wipe(file_key);
    return out;
}

std::span<const std::uint8_t> file_key_bytes(const crypto::Key32& key) { return {key.data(), file_key_size}; }

crypto::Bytes concat(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    crypto::Bytes out(a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

// scrypt(N = 2^work_factor, r = 8, p = 1) of the passphrase, salted with
// age's label and the stanza's 16 random bytes.
crypto::Key32 scrypt_key(const Passphrase& passphrase, std::span<const std::uint8_t> salt, int work_factor) {
    auto full_salt = concat(crypto::as_bytes(scrypt_label), salt);
    crypto::Key32 key{};
    const auto& text = passphrase.text();
    if (crypto_pwhash_scryptsalsa208sha256_ll(reinterpret_cast<const std::uint8_t*>(text.data()), text.size(),
                                              full_salt.data(), full_salt.size(), std::uint64_t{1} << work_factor, 8,
                                              1, key.data(), key.size()) != 0)
        throw RuntimeError(fmt::format("scrypt with work factor {} needs {} MiB of memory, which this machine would "
                                       "not give",
                                       work_factor, (std::uint64_t{128} * 8 << work_factor) >> 20));
    return key;
}

crypto::Key32 x25519_wrap_key(const crypto::Key32& shared, const crypto::Key32& share,
                              const X25519Recipient& recipient) {
    return crypto::hkdf_key(shared, concat(share, recipient.public_key), x25519_info);
}

Stanza x25519_stanza(const X25519Recipient& recipient, const FileKey& file_key) {
    crypto::Key32 ephemeral{}, share{}, shared{};
    crypto::random_fill(ephemeral);
    crypto_scalarmult_base(share.data(), ephemeral.data());
    // Fails only for a public key of low order, which no generator makes.
    if (crypto_scalarmult(shared.data(), ephemeral.data(), recipient.public_key.data()) != 0)
        throw InputError(fmt::format("{}: not a usable public key (a point of low order)", encode_recipient(recipient)));
    auto wrap_key = x25519_wrap_key(shared, share, recipient);
    Stanza stanza{{"X25519", crypto::base64_encode(share)}, seal_file_key(wrap_key, file_key)};
    crypto::wipe(ephemeral);
    crypto::wipe(shared);
    crypto::wipe(wrap_key);
    return stanza;
}

Stanza scrypt_stanza(const Passphrase& passphrase, const FileKey& file_key) {
    std::array<std::uint8_t, 16> salt{};
    crypto::random_fill(salt);
    auto wrap_key = scrypt_key(passphrase, salt, passphrase.work_factor());
    Stanza stanza{{"scrypt", crypto::base64_encode(salt), std::to_string(passphrase.work_factor())},
                  seal_file_key(wrap_key, file_key)};
    crypto::wipe(wrap_key);
    return stanza;
}

// "-> ARGS\n" and the body in base64 lines of 64 columns, the last shorter
// (empty when the body fills its last line).
std::string stanza_text(const Stanza& stanza) {
    auto text = fmt::format("-> {}\n", fmt::join(stanza.args, " "));
    auto body = crypto::base64_encode(stanza.body);
    for (std::size_t at = 0;; at += body_columns) {
        auto line = std::string_view(body).substr(std::min(at, body.size()), body_columns);
        text += line;
        text += '\n';
        if (line.size() < body_columns) return text;
    }
}

crypto::Key32 header_mac(const crypto::Key32& file_key, std::string_view header) {
    auto mac_key = crypto::hkdf_key(file_key_bytes(file_key), {}, "header");
    auto mac = crypto::hmac_sha256(mac_key, crypto::as_bytes(header));
    crypto::wipe(mac_key);
    return mac;
}

// The 12-byte STREAM nonce: an 11-byte big-endian chunk counter, then 1
// for the last chunk and 0 before it.
std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> chunk_nonce(std::uint64_t counter, bool last) {
    std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> nonce{};
    for (std::size_t i = 0; i < 8; ++i) nonce[10 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
    nonce[11] = last ? 1 : 0;
    return nonce;
}

bool is_vchar_text(std::string_view arg) {
    return !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) { return c > 32 && c < 127; });
}

bool is_base64_text(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    });
}

// scrypt's work factor as age writes it: decimal, no sign, no leading zero.
std::optional<int> parse_work_factor(std::string_view text) {
    if (text.empty() || text.size() > 2 || text[0] < '1' || text[0] > '9') return std::nullopt;
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    return std::stoi(std::string(text));
}

}  // namespace

// ---- writing ----

Writer::Writer(std::ostream& out, const SealFor& seal) : out_(out), plain_(chunk_size), sealed_(chunk_size + tag_size) {
    crypto::ensure_sodium();
    FileKey file_key{};
    crypto::random_fill(file_key);
    std::vector<Stanza> stanzas;
    if (const auto* passphrase = std::get_if<Passphrase>(&seal)) {
        stanzas.push_back(scrypt_stanza(*passphrase, file_key));
    } else {
        for (const auto& recipient : std::get<std::vector<X25519Recipient>>(seal))
            stanzas.push_back(x25519_stanza(recipient, file_key));
    }
    if (stanzas.empty()) throw InputError("no recipient to seal the file for");
    std::string header = fmt::format("{}\n", version_line);
    for (const auto& stanza : stanzas) header += stanza_text(stanza);
    header += "---";
    crypto::Key32 key{};
    std::copy(file_key.begin(), file_key.end(), key.begin());
    auto mac = header_mac(key, header);
    header += fmt::format(" {}\n", crypto::base64_encode(mac));
    std::array<std::uint8_t, nonce_size> nonce{};
    crypto::random_fill(nonce);
    payload_key_ = crypto::hkdf_key(file_key, nonce, "payload");
    crypto::wipe(file_key);
    crypto::wipe(key);
    out_.write(header.data(), static_cast<std::streamsize>(header.size()));
    out_.write(reinterpret_cast<const char*>(nonce.data()), nonce.size());
    setp(plain_.data(), plain_.data() + plain_.size());
}

Writer::~Writer() {
    crypto::wipe(payload_key_);
    sodium_memzero(plain_.data(), plain_.size());
}

// A full buffer and one more character: the buffer was not the last chunk.
Writer::int_type Writer::overflow(int_type c) {
    if (finished_) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (pptr() == epptr()) seal_chunk(false);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

void Writer::finish() {
    if (finished_) return;
    seal_chunk(true);
    finished_ = true;
    crypto::wipe(payload_key_);
}

void Writer::seal_chunk(bool last) {
    auto size = static_cast<std::size_t>(pptr() - pbase());
    auto nonce = chunk_nonce(counter_++, last);
    unsigned long long sealed_size = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(sealed_.data(), &sealed_size,
                                              reinterpret_cast<const std::uint8_t*>(plain_.data()), size, nullptr, 0,
                                              nullptr, nonce.data(), payload_key_.data());
    out_.write(reinterpret_cast<const char*>(sealed_.data()), static_cast<std::streamsize>(sealed_size));
    setp(plain_.data(), plain_.data() + plain_.size());
}

// ---- reading ----

Reader::Reader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {
    crypto::ensure_sodium();
    read_header();
}

Reader::~Reader() {
    crypto::wipe(payload_key_);
    sodium_memzero(plain_.data(), plain_.size());
}

void Reader::fail(std::string_view what) const { throw InputError(fmt::format("{}: {}", name_, what)); }

// One line of the header without its LF. Every byte counts against
// max_header_bytes; a CR is kept, so that CRLF lines fail as age's do.
std::string Reader::read_header_line() {
    std::string line;
    auto* buffer = in_.rdbuf();
    for (;;) {
        auto c = buffer->sbumpc();
        if (traits_type::eq_int_type(c, traits_type::eof()))
            fail(header_.empty() && line.empty() ? "empty file; expected an age file"
                                                 : "the age header ends before its MAC line; the file is cut short");
        if (header_.size() + line.size() >= max_header_bytes)
            fail(fmt::format("the age header is longer than {} KiB, more than any real one; refused unread",
                             max_header_bytes / 1024));
        if (c == '\n') break;
        line += traits_type::to_char_type(c);
    }
    header_ += line;
    header_ += '\n';
    return line;
}

void Reader::read_header() {
    auto first = read_header_line();
    if (first != version_line)
        fail(is_age(first) ? fmt::format("age format version {} is not supported; expected {}",
                                         std::string_view(first).substr(magic.size()), version_line)
                           : "not an age file; expected it to start with the line age-encryption.org/v1");
    for (;;) {
        auto line = read_header_line();
        if (line.starts_with("-> ")) {
            if (stanzas_.size() == max_stanzas)
                fail(fmt::format("the age header has more than {} recipient stanzas, more than any real one; "
                                 "refused unread",
                                 max_stanzas));
            read_stanza(std::string_view(line).substr(3));
        } else if (line.starts_with("---")) {
            // The MAC covers the header up to "---", without what follows.
            header_.resize(header_.size() - line.size() - 1 + 3);
            auto mac = std::string_view(line).substr(3);
            if (stanzas_.empty()) fail("the age header has no recipient stanza");
            if (mac.size() != 44 || mac[0] != ' ' || !is_base64_text(mac.substr(1)))
                fail("the age header's MAC line is malformed; expected '--- ' and 43 base64 characters");
            auto decoded = crypto::base64_decode(mac.substr(1));
            if (!decoded) fail("the age header's MAC is not canonical base64");
            mac_ = std::move(*decoded);
            break;
        } else {
            fail("the age header has a line that is neither a stanza (-> ...) nor its MAC (--- ...)");
        }
    }
    bool passphrase = std::any_of(stanzas_.begin(), stanzas_.end(), [](const Stanza& s) { return s.args[0] == "scrypt"; });
    if (passphrase && stanzas_.size() > 1)
        fail("the age header mixes a passphrase stanza with others; a passphrase must be a file's only stanza");
}

// Checks the stanzas painlog knows as the spec asks, before any key work;
// others are kept, to be ignored by open().
void Reader::read_stanza(std::string_view arg_line) {
    Stanza stanza;
    for (std::size_t at = 0; at <= arg_line.size();) {
        auto end = std::min(arg_line.find(' ', at), arg_line.size());
        auto arg = arg_line.substr(at, end - at);
        if (!is_vchar_text(arg)) fail("an age stanza has an empty or invalid argument");
        stanza.args.emplace_back(arg);
        at = end + 1;
    }
    std::string body;
    for (;;) {
        auto line = read_header_line();
        if (line.size() > body_columns || !is_base64_text(line))
            fail("an age stanza's body is not base64 in lines of at most 64 columns");
        body += line;
        if (line.size() < body_columns) break;
    }
    auto decoded = crypto::base64_decode(body);
    if (!decoded) fail("an age stanza's body is not canonical base64");
    stanza.body = std::move(*decoded);
    const auto& args = stanza.args;
    if (args[0] == "X25519") {
        auto share = args.size() == 2 ? crypto::base64_decode(args[1]) : std::nullopt;
        if (!share || share->size() != 32 || stanza.body.size() != file_key_size + tag_size)
            fail("an X25519 stanza is malformed; expected one 32-byte share and a 32-byte body");
    } else if (args[0] == "scrypt") {
        auto salt = args.size() == 3 ? crypto::base64_decode(args[1]) : std::nullopt;
        if (!salt || salt->size() != 16 || !parse_work_factor(args[2]) ||
            stanza.body.size() != file_key_size + tag_size)
            fail("a passphrase (scrypt) stanza is malformed; expected a 16-byte salt, a work factor in decimal and a "
                 "32-byte body");
    }
    stanzas_.push_back(std::move(stanza));
}

bool Reader::sealed_with_passphrase() const { return stanzas_.size() == 1 && stanzas_[0].args[0] == "scrypt"; }

void Reader::open(const Keys& keys) {
    auto file_key = unwrap(keys);
    if (!file_key) {
        std::vector<std::string> types;
        for (const auto& stanza : stanzas_)
            if (std::find(types.begin(), types.end(), stanza.args[0]) == types.end()) types.push_back(stanza.args[0]);
        bool known = std::find(types.begin(), types.end(), "X25519") != types.end();
        if (!known)
            fail(fmt::format("sealed for {} only, which painlog cannot open; painlog opens passphrases and X25519 "
                             "keys (age1...)",
                             fmt::join(types, ", ")));
        fail(keys.identities.empty() ? "sealed for public keys, not a passphrase; expected --identity FILE with a "
                                       "matching secret key"
                                     : "none of the secret keys given opens it; expected the identity of one of "
                                       "its recipients");
    }
    check_mac(*file_key);
    std::array<std::uint8_t, nonce_size> nonce{};
    in_.read(reinterpret_cast<char*>(nonce.data()), nonce.size());
    if (in_.bad()) throw RuntimeError(fmt::format("{}: cannot read", name_));
    if (static_cast<std::size_t>(in_.gcount()) != nonce.size()) fail("the file ends before its payload; it is cut short");
    payload_key_ = crypto::hkdf_key(file_key_bytes(*file_key), nonce, "payload");
    crypto::wipe(*file_key);
    sealed_.resize(chunk_size + tag_size);
    plain_.resize(chunk_size);
    opened_ = true;
    setg(plain_.data(), plain_.data(), plain_.data());
}

std::optional<crypto::Key32> Reader::unwrap(const Keys& keys) const {
    if (sealed_with_passphrase()) return unwrap_passphrase(keys);
    if (keys.passphrase && keys.identities.empty())
        fail("sealed for public keys, not a passphrase; expected --identity FILE with a matching secret key");
    return unwrap_x25519(keys);
}

std::optional<crypto::Key32> Reader::unwrap_passphrase(const Keys& keys) const {
    if (!keys.passphrase) fail("sealed with a passphrase; expected one (--passphrase, --passphrase-file or --passphrase-fd)");
    const auto& stanza = stanzas_[0];
    auto work_factor = *parse_work_factor(stanza.args[2]);
    if (work_factor > keys.work_factor_limit)
        fail(fmt::format("its passphrase asks for scrypt work factor {}, above the limit of {} ({} MiB of memory "
                         "and seconds of work); refused",
                         work_factor, keys.work_factor_limit, (std::uint64_t{1024} << keys.work_factor_limit) >> 20));
    auto wrap_key = scrypt_key(*keys.passphrase, *crypto::base64_decode(stanza.args[1]), work_factor);
    auto file_key = open_file_key(wrap_key, stanza.body);
    crypto::wipe(wrap_key);
    if (!file_key) fail("wrong passphrase (or the file's passphrase stanza was changed)");
    return file_key;
}

std::optional<crypto::Key32> Reader::unwrap_x25519(const Keys& keys) const {
    for (const auto& stanza : stanzas_) {
        if (stanza.args[0] != "X25519") continue;
        auto share_bytes = *crypto::base64_decode(stanza.args[1]);
        crypto::Key32 share{};
        std::copy(share_bytes.begin(), share_bytes.end(), share.begin());
        for (const auto& identity : keys.identities) {
            crypto::Key32 shared{};
            // libsodium refuses (and the spec says abort on) an all-zero
            // shared secret: a share of low order, made to learn nothing.
            if (crypto_scalarmult(shared.data(), identity.secret.data(), share.data()) != 0)
                fail("an X25519 stanza's share is a point of low order; the file was made to attack a reader");
            auto wrap_key = x25519_wrap_key(shared, share, identity.recipient());
            auto file_key = open_file_key(wrap_key, stanza.body);
            crypto::wipe(shared);
            crypto::wipe(wrap_key);
            if (file_key) return file_key;
        }
    }
    return std::nullopt;
}

void Reader::check_mac(const crypto::Key32& file_key) const {
    auto mac = header_mac(file_key, header_);
    if (mac_.size() != mac.size() || sodium_memcmp(mac.data(), mac_.data(), mac.size()) != 0)
        fail("the age header was changed after it was written (its MAC does not match)");
}

// Reads up to one sealed chunk; fewer bytes only at the end of the file.
std::size_t Reader::read_chunk() {
    in_.read(reinterpret_cast<char*>(sealed_.data()), static_cast<std::streamsize>(sealed_.size()));
    if (in_.bad()) throw RuntimeError(fmt::format("{}: cannot read", name_));
    return static_cast<std::size_t>(in_.gcount());
}

// The next chunk, authenticated. The last chunk is the one the file ends
// with; a full chunk that authenticates with the other flag tells a cut or
// an extended file from a damaged one (a short chunk can only be the last).
Reader::int_type Reader::underflow() {
    if (!opened_) fail("read before its key was unwrapped");
    if (!pending_error_.empty()) fail(pending_error_);
    if (done_) return traits_type::eof();
    auto size = read_chunk();
    if (size < tag_size) fail(fmt::format("the file is cut short after chunk {}: a final chunk is missing", counter_));
    bool last = size < sealed_.size() || traits_type::eq_int_type(in_.rdbuf()->sgetc(), traits_type::eof());
    auto decrypt = [&](bool as_last) {
        auto nonce = chunk_nonce(counter_, as_last);
        return crypto_aead_chacha20poly1305_ietf_decrypt(reinterpret_cast<std::uint8_t*>(plain_.data()), nullptr,
                                                         nullptr, sealed_.data(), size, nullptr, 0, nonce.data(),
                                                         payload_key_.data()) == 0;
    };
    if (!decrypt(last)) {
        if (size != sealed_.size() || !decrypt(!last)) fail(fmt::format("chunk {} was changed or damaged (it does not authenticate)", counter_ + 1));
        pending_error_ = last ? fmt::format("the file is cut short after chunk {}: a final chunk is missing", counter_ + 1)
                              : fmt::format("the file goes on after its final chunk {}; something was appended",
                                            counter_ + 1);
    }
    auto plain_size = size - tag_size;
    if (last && plain_size == 0 && counter_ > 0) fail("the file ends with an empty chunk, which age never writes");
    ++counter_;
    done_ = last;
    setg(plain_.data(), plain_.data(), plain_.data() + plain_size);
    if (plain_size == 0) return underflow();  // the end, or the pending error
    return traits_type::to_int_type(plain_[0]);
}

}  // namespace painlog::age
