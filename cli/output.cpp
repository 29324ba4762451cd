// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"
#include "painlog/util/text.hpp"

namespace painlog::cli {

void add_format_option(CLI::App& cmd, std::string& format, std::initializer_list<std::string> choices,
                       std::string_view what) {
    format = *choices.begin();
    cmd.add_option("--format", format, fmt::format("{}: {} (default {})", what, fmt::join(choices, ", "), format))
        ->check(CLI::IsMember(std::vector<std::string>(choices)))
        ->type_name("FORMAT");
}

namespace {

RuntimeError cannot_write(const std::string& path, int err) {
    return RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(err)));
}

void write_in_place(const std::string& path, const std::function<void(std::ostream&)>& write) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw cannot_write(path, errno);
    write(out);
    out.close();
    if (!out) throw cannot_write(path, errno);
}

void replace_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    SiblingTemporary temporary(path, fmt::format("-o {}: cannot write", path));
    std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
    write(out);
    out.close();
    if (!out) throw cannot_write(path, errno);
    sync_file(temporary.path(), "-o " + path);
    if (::rename(temporary.path().c_str(), path.c_str()) != 0) throw cannot_write(path, errno);
    temporary.release();
}

}  // namespace

StandardOutput::StandardOutput() : previous_(std::cout.rdbuf()), terminal_(::isatty(STDOUT_FILENO) == 1) {
    std::cout.rdbuf(this);
}

StandardOutput::~StandardOutput() {
    pass_on(true);
    std::cout.rdbuf(previous_);
}

int StandardOutput::finish() {
    pass_on(true);
    return error_;
}

StandardOutput::int_type StandardOutput::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    pending_.push_back(traits_type::to_char_type(c));
    return pass_on(false) ? c : traits_type::eof();
}

std::streamsize StandardOutput::xsputn(const char* text, std::streamsize n) {
    pending_.append(text, static_cast<std::size_t>(n));
    return pass_on(false) ? n : 0;
}

int StandardOutput::sync() { return pass_on(true) ? 0 : -1; }

// Hands on what is pending once there is enough of it (or `all`). On a
// terminal at once, as a person reads it and in order with what standard
// error says, and escaped, keeping back a sequence that a later write may
// complete.
bool StandardOutput::pass_on(bool all) {
    if (!all && !terminal_ && pending_.size() < 64 * 1024) return error_ == 0;
    if (!terminal_) {
        bool written = write_all(pending_);
        pending_.clear();
        return written;
    }
    std::string safe;
    auto used = append_terminal_safe(pending_, safe, Controls::keep_layout, all);
    pending_.erase(0, used);
    return write_all(safe);
}

bool StandardOutput::write_all(std::string_view bytes) {
    while (!bytes.empty() && error_ == 0) {
        auto n = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) error_ = n < 0 ? errno : EIO;
        else bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return error_ == 0;
}

void write_output_file(const std::string& path, const std::filesystem::path& diary,
                       const std::function<void(std::ostream&)>& write) {
    refuse_diary_as_output(path, diary, "-o");
    switch (classify_output(path)) {
        case OutputTarget::absent:
        case OutputTarget::regular_file: return replace_atomically(path, write);
        case OutputTarget::stream: return write_in_place(path, write);
        case OutputTarget::other:
            throw InputError(fmt::format("-o {}: is not a regular file, pipe or terminal; expected a file name", path));
    }
}

namespace {

[[noreturn]] void refuse_existing_secret(const std::string& path, std::string_view option, std::string_view what) {
    throw InputError(fmt::format("{} {}: already exists; expected a new file name (painlog never replaces {})", option,
                                 path, what));
}

}  // namespace

void check_new_private_file(const std::string& path, std::string_view option, std::string_view what) {
    auto target = classify_output(path);
    if (target == OutputTarget::regular_file) refuse_existing_secret(path, option, what);
    if (target != OutputTarget::absent)
        throw InputError(fmt::format("{} {}: is not a regular file; expected a new file name", option, path));
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw InputError(fmt::format("{} {}: no such directory {}; expected an existing directory", option, path,
                                     dir.string()));
}

void write_new_private_file(const std::string& path, const std::string& text, std::string_view option,
                            std::string_view what) {
    check_new_private_file(path, option, what);
    auto name = fmt::format("{} {}", option, path);
    SiblingTemporary temporary(path, fmt::format("{}: cannot write", name));
    {
        std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) throw RuntimeError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
    }
    sync_file(temporary.path(), name);
    if (::link(temporary.path().c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) refuse_existing_secret(path, option, what);
        throw RuntimeError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
    }
}

}  // namespace painlog::cli
