// SPDX-License-Identifier: GPL-3.0-or-later
#include "sealing.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "context.hpp"
#include "painlog/util/error.hpp"

namespace painlog::cli {
namespace {

// The first line of `text` (without its LF or CRLF), refused when empty.
age::Passphrase first_line(std::string text, const std::string& where) {
    auto end = text.find('\n');
    std::string line = text.substr(0, end);
    crypto::wipe(text);
    if (line.ends_with('\r')) line.pop_back();
    if (line.empty()) throw InputError(fmt::format("{}: empty passphrase; expected the passphrase on the first line", where));
    return age::Passphrase(std::move(line));
}

age::Passphrase from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("--passphrase-file {}: cannot read: {}", path, std::strerror(errno)));
    std::string text;
    std::getline(in, text);
    return first_line(std::move(text), "--passphrase-file " + path);
}

age::Passphrase from_fd(int fd) {
    std::string text;
    char c = 0;
    for (;;) {
        auto n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw InputError(fmt::format("--passphrase-fd {}: cannot read: {}", fd, std::strerror(errno)));
        if (n == 0 || c == '\n') break;
        text += c;
    }
    return first_line(std::move(text), fmt::format("--passphrase-fd {}", fd));
}

// Reads a line from the terminal `tty` with echo off and Ctrl-C read as a
// character, so that nothing can leave the terminal without echo. `what`
// (passphrase, sync key) names the secret in errors.
std::string ask_without_echo(int tty, std::string_view prompt, std::string_view what = "passphrase") {
    (void)::write(tty, prompt.data(), prompt.size());
    termios saved{};
    bool quiet = ::tcgetattr(tty, &saved) == 0;
    if (quiet) {
        auto silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO | ISIG);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(tty, TCSANOW, &silent);
    }
    std::string line;
    char c = 0;
    ssize_t n = 0;
    while ((n = ::read(tty, &c, 1)) > 0 || (n < 0 && errno == EINTR)) {
        if (n < 0) continue;
        if (c == '\n') break;
        line += c;
    }
    if (quiet) ::tcsetattr(tty, TCSANOW, &saved);
    if (n == 0 || line.find('\x03') != std::string::npos) {
        crypto::wipe(line);
        throw InputError(fmt::format("{}: cancelled; nothing was written", what));
    }
    if (line.empty() || line == "\r") throw InputError(fmt::format("{}: empty; expected one, or Ctrl-D to cancel", what));
    return line;
}

class Terminal {
public:
    explicit Terminal(const std::string& why,
                      std::string_view instead = "for the passphrase on; expected --passphrase-file FILE or --passphrase-fd N")
        : fd_(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) {
        if (fd_ < 0) throw InputError(fmt::format("{}: no terminal to ask {}", why, instead));
    }
    Terminal(const Terminal&) = delete;
    Terminal& operator=(const Terminal&) = delete;
    ~Terminal() { ::close(fd_); }
    [[nodiscard]] int fd() const { return fd_; }

private:
    int fd_;
};

age::Passphrase ask_twice(const std::string& why) {
    Terminal tty(why);
    auto first = ask_without_echo(tty.fd(), "Passphrase for the sealed copy: ");
    auto second = ask_without_echo(tty.fd(), "The same passphrase again: ");
    bool same = first == second;
    crypto::wipe(second);
    if (!same) {
        crypto::wipe(first);
        throw InputError("--passphrase: the two passphrases differ; nothing was written");
    }
    return first_line(std::move(first), "--passphrase");
}

age::Passphrase ask_once(const std::string& why) {
    Terminal tty(why);
    return first_line(ask_without_echo(tty.fd(), fmt::format("Passphrase for {}: ", why)), "passphrase");
}

// Every key of the files named by `option`, by `read` (read_recipients or read_identities).
template <typename Key, typename Read>
void read_key_files(const std::vector<std::string>& files, const std::string& option, std::vector<Key>& keys, Read read) {
    for (const auto& file : files) {
        std::ifstream in(file);
        if (!in) throw InputError(fmt::format("{} {}: cannot read: {}", option, file, std::strerror(errno)));
        auto read_keys = read(in, file);
        keys.insert(keys.end(), read_keys.begin(), read_keys.end());
    }
}

void add_passphrase_options(CLI::App& cmd, bool& ask, std::string& file, int& fd, const std::string& ask_help) {
    auto* asked = cmd.add_flag("--passphrase", ask, ask_help);
    auto* from_file = cmd.add_option("--passphrase-file", file, "Read the passphrase from the first line of FILE")
                          ->type_name("FILE");
    auto* from_fd = cmd.add_option("--passphrase-fd", fd, "Read the passphrase from the first line of file descriptor N")
                        ->check(CLI::NonNegativeNumber)
                        ->type_name("N");
    asked->excludes(from_file)->excludes(from_fd);
    from_file->excludes(from_fd);
}

std::optional<age::Passphrase> given_passphrase(bool ask, const std::string& file, int fd,
                                                const std::function<age::Passphrase()>& asker) {
    if (!file.empty()) return from_file(file);
    if (fd >= 0) return from_fd(fd);
    if (ask) return asker();
    return std::nullopt;
}

}  // namespace

void add_seal_options(CLI::App& cmd, SealOptions& opts, const std::string& what) {
    auto* recipient =
        cmd.add_option("--recipient", opts.recipients,
                       fmt::format("Seal {} in an age file for this public key (age1...; repeatable)", what))
            ->type_name("KEY")
            ->allow_extra_args(false);
    auto* recipients_file =
        cmd.add_option("--recipients-file", opts.recipients_files,
                       fmt::format("Seal {} for every public key in FILE, one a line (repeatable)", what))
            ->type_name("FILE")
            ->allow_extra_args(false);
    add_passphrase_options(cmd, opts.passphrase, opts.passphrase_file, opts.passphrase_fd,
                           fmt::format("Seal {} with a passphrase, asked twice on the terminal", what));
    for (const char* name : {"--passphrase", "--passphrase-file", "--passphrase-fd"})
        cmd.get_option(name)->excludes(recipient)->excludes(recipients_file);
}

std::optional<age::SealFor> seal_for(const SealOptions& opts) {
    auto passphrase = given_passphrase(opts.passphrase, opts.passphrase_file, opts.passphrase_fd,
                                       [] { return ask_twice("--passphrase"); });
    if (passphrase) return age::SealFor(std::move(*passphrase));
    std::vector<age::X25519Recipient> recipients;
    for (const auto& text : opts.recipients) recipients.push_back(age::parse_recipient(text, "--recipient"));
    read_key_files(opts.recipients_files, "--recipients-file", recipients, age::read_recipients);
    if (recipients.empty()) return std::nullopt;
    return age::SealFor(std::move(recipients));
}

void add_open_options(CLI::App& cmd, OpenOptions& opts) {
    cmd.add_option("--identity", opts.identities,
                   "Open an age file with the secret key in FILE (from painlog key generate or age-keygen; repeatable)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    add_passphrase_options(cmd, opts.passphrase, opts.passphrase_file, opts.passphrase_fd,
                           "Open an age file with a passphrase, asked on the terminal (the default there)");
}

age::Keys keys_for(const OpenOptions& opts, const age::Reader& reader, const Context& ctx, const std::string& name) {
    age::Keys keys;
    read_key_files(opts.identities, "--identity", keys.identities, age::read_identities);
    if (!reader.sealed_with_passphrase()) return keys;
    bool ask = opts.passphrase || (ctx.interactive() && opts.passphrase_file.empty() && opts.passphrase_fd < 0);
    keys.passphrase = given_passphrase(ask, opts.passphrase_file, opts.passphrase_fd, [&] { return ask_once(name); });
    return keys;
}

std::string ask_secret(const std::string& why, std::string_view prompt, std::string_view what,
                       std::string_view instead) {
    Terminal tty(why, instead);
    return ask_without_echo(tty.fd(), prompt, what);
}

}  // namespace painlog::cli
