// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Small helpers the commands share for writing results.

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace CLI { class App; }

namespace painlog::cli {

// Adds --format with the given choices, the first the default; `what`
// starts its help.
void add_format_option(CLI::App& cmd, std::string& format, std::initializer_list<std::string> choices,
                       std::string_view what = "Output format");

// Writes what `write` puts on the stream to `path` (the value of -o). A new
// or regular file is replaced atomically: a temporary file beside it (mode
// 0600: what painlog writes is health data), flushed to disk, then renamed
// over `path`, so that a failure, or an exception from `write`, leaves
// `path` as it was and no temporary file behind. A FIFO or character device
// (a shell's pipe, /dev/stdout) is written in place, never replaced.
// Refuses (InputError) the diary at `diary` and its SQLite files, and
// anything else that is not a file.
void write_output_file(const std::string& path, const std::filesystem::path& diary,
                       const std::function<void(std::ostream&)>& write);

// Writes `text` (a secret) to the new file `path`, mode 0600, linked into
// place so that no file is ever replaced, even one made meanwhile.
// `option` (-o, --key-file) and `what` ("a secret key") name them in
// errors. check_new_private_file makes the same checks up front, before a
// command does any other work.
void write_new_private_file(const std::string& path, const std::string& text, std::string_view option,
                            std::string_view what);
void check_new_private_file(const std::string& path, std::string_view option, std::string_view what);

// Standard output as painlog writes it: buffered, written with write(2) so
// that a failure is known with its reason (a full disk, a closed pipe), and,
// when it is a terminal, passed through terminal_safe (Controls::keep_layout)
// so that no note, tag or label, from the diary or an imported file, can
// drive the terminal. JSON keeps its meaning: the escapes are JSON's own.
// While it lives it is std::cout's buffer.
class StandardOutput final : public std::streambuf {
public:
    StandardOutput();
    StandardOutput(const StandardOutput&) = delete;
    StandardOutput& operator=(const StandardOutput&) = delete;
    ~StandardOutput() override;
    // Writes what is pending; the errno of the first write that failed, or 0.
    [[nodiscard]] int finish();

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize n) override;
    int sync() override;

private:
    bool pass_on(bool all);
    bool write_all(std::string_view bytes);

    std::streambuf* previous_;
    bool terminal_;
    std::string pending_;
    int error_ = 0;
};

// Two-space indented JSON and a newline: readable by people and jq alike.
inline void print_json(std::ostream& out, const nlohmann::ordered_json& json) { out << json.dump(2) << '\n'; }

}  // namespace painlog::cli
