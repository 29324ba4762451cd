// SPDX-License-Identifier: GPL-3.0-or-later
// painlog key generate: an age key pair for sealed backups and exports, so
// that a cron job can seal to the public key without holding any secret.

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "painlog/crypto/age_keys.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"

namespace painlog::cli {
namespace {

struct KeyOptions {
    std::string output;
};

[[noreturn]] void already_exists(const std::string& path) {
    throw InputError(fmt::format("-o {}: already exists; expected a new file name (painlog never replaces a secret "
                                 "key)",
                                 path));
}

// The identity file, written 0600 beside its name and linked into place,
// so that no existing file is ever replaced, even one made meanwhile.
void write_new_private_file(const std::string& path, const std::string& text) {
    auto target = classify_output(path);
    if (target == OutputTarget::regular_file) already_exists(path);
    if (target != OutputTarget::absent)
        throw InputError(fmt::format("-o {}: is not a regular file; expected a new file name", path));
    auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw InputError(fmt::format("-o {}: no such directory {}; expected an existing directory", path, dir.string()));
    SiblingTemporary temporary(path, fmt::format("-o {}: cannot write", path));
    {
        std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) throw RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(errno)));
    }
    sync_file(temporary.path(), "-o " + path);
    if (::link(temporary.path().c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) already_exists(path);
        throw RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(errno)));
    }
}

void run_generate(const KeyOptions& opts, Context& ctx) {
    refuse_diary_as_output(opts.output, ctx.diary_path(), "-o");
    auto identity = age::generate_identity();
    const auto& time = ctx.time();
    auto text = age::identity_file_text(identity, format_local(time.now, time.zone));
    write_new_private_file(opts.output, text);
    crypto::wipe(text);
    ctx.out << age::encode_recipient(identity.recipient()) << '\n';
}

}  // namespace

void setup_key(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("key", "Make a key pair for sealed backups and exports (age format)");
    cmd->require_subcommand(1);
    auto opts = std::make_shared<KeyOptions>();
    auto* generate = cmd->add_subcommand(
        "generate", "Write a new secret key to FILE (mode 0600, as age-keygen does) and print its public key");
    generate->add_option("-o,--output", opts->output, "The new identity file; never replaced")
        ->type_name("FILE")
        ->required();
    generate->callback([opts, &ctx] { run_generate(*opts, ctx); });
}

}  // namespace painlog::cli
