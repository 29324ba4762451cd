// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The options that seal a copy in an age file (db backup, export) and those
// that open one (db restore, import), shared so that every command spells
// and checks them alike. Passphrases come from the terminal (asked without
// echo), a file or a file descriptor: never from the command line, where
// ps(1) and the shell's history would show them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "painlog/crypto/age.hpp"

namespace CLI { class App; }

namespace painlog::cli {

class Context;

struct SealOptions {
    std::vector<std::string> recipients;        // --recipient age1...
    std::vector<std::string> recipients_files;  // --recipients-file FILE
    bool passphrase = false;                    // --passphrase: ask twice on the terminal
    std::string passphrase_file;
    int passphrase_fd = -1;
};

// `what` names the copy in the help: "the backup", "the export".
void add_seal_options(CLI::App& cmd, SealOptions& opts, const std::string& what);
// Whom to seal for, or nullopt when no option asks for sealing.
[[nodiscard]] std::optional<age::SealFor> seal_for(const SealOptions& opts);

struct OpenOptions {
    std::vector<std::string> identities;  // --identity FILE
    bool passphrase = false;
    std::string passphrase_file;
    int passphrase_fd = -1;
};

void add_open_options(CLI::App& cmd, OpenOptions& opts);
// The keys for the sealed file `reader` has read the header of: for a
// passphrase file, the passphrase from the option given or, without one, from
// the terminal when a person is there.
[[nodiscard]] age::Keys keys_for(const OpenOptions& opts, const age::Reader& reader, const Context& ctx,
                                 const std::string& name);

// A secret typed on the terminal (/dev/tty) without echo: `what` names it
// in errors ("sync key"); without a terminal, InputError "WHY: no terminal
// to ask INSTEAD".
[[nodiscard]] std::string ask_secret(const std::string& why, std::string_view prompt, std::string_view what,
                                     std::string_view instead);

}  // namespace painlog::cli
