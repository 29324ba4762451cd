// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// painlog's two kinds of failure. Lower layers throw these; the CLI catches
// them once, prints "painlog: <what>" and exits with exit_code().

#include <stdexcept>
#include <string>

namespace painlog {

enum class ExitCode : int { ok = 0, failure = 1, usage = 2 };

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    [[nodiscard]] virtual ExitCode exit_code() const noexcept = 0;
};

// The user gave something painlog cannot accept: a bad flag value, an
// unparseable date or file, an unknown id. Exit 2; nothing was written.
class InputError : public Error {
public:
    using Error::Error;
    [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::usage; }
};

// The input was fine but the work could not be done: I/O, a locked or
// read-only database, a full disk. Exit 1.
class RuntimeError : public Error {
public:
    using Error::Error;
    [[nodiscard]] ExitCode exit_code() const noexcept override { return ExitCode::failure; }
};

}  // namespace painlog
