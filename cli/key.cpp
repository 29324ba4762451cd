// SPDX-License-Identifier: GPL-3.0-or-later
// painlog key generate: an age key pair for sealed backups and exports, so
// that a cron job can seal to the public key without holding any secret.

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/crypto/age_keys.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"

namespace painlog::cli {
namespace {

struct KeyOptions {
    std::string output;
};

void run_generate(const KeyOptions& opts, Context& ctx) {
    refuse_diary_as_output(opts.output, ctx.diary_path(), "-o");
    auto identity = age::generate_identity();
    const auto& time = ctx.time();
    auto text = age::identity_file_text(identity, format_local(time.now, time.zone));
    write_new_private_file(opts.output, text, "-o", "a secret key");
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
