// SPDX-License-Identifier: GPL-3.0-or-later
// painlog config: the settings stored in the diary itself.

#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "painlog/model/settings.hpp"
#include "painlog/util/table.hpp"

namespace painlog::cli {
namespace {

struct ConfigOptions {
    std::string key, value, format;
};

void run_list(const ConfigOptions& opts, Context& ctx) {
    auto& diary = ctx.diary(Access::read);
    if (opts.format == "json") {
        // One object per setting, so that the JSON keys stay snake_case and
        // fixed however many settings there are.
        nlohmann::ordered_json json = nlohmann::ordered_json::array();
        for (const auto& spec : setting_specs()) {
            auto stored = diary.setting(spec.key);
            json.push_back({{"key", spec.key},
                            {"value", stored ? *stored : std::string(spec.default_value)},
                            {"default", spec.default_value},
                            {"is_set", stored.has_value()},
                            {"description", spec.description}});
        }
        print_json(ctx.out, json);
        return;
    }
    TextTable table({{"Key"}, {"Value"}, {"Meaning"}});
    for (const auto& spec : setting_specs()) {
        auto stored = diary.setting(spec.key);
        table.add_row({{std::string(spec.key)},
                       {stored ? *stored : std::string(spec.default_value), stored ? Style::plain : Style::dim},
                       {std::string(spec.description)}});
    }
    ctx.out << table.render(ctx.color(), 200);
}

void run_get(const ConfigOptions& opts, Context& ctx) {
    const auto& spec = setting_spec(opts.key);
    ctx.out << ctx.diary(Access::read).setting_or_default(spec.key) << '\n';
}

void run_set(const ConfigOptions& opts, Context& ctx) {
    const auto& spec = setting_spec(opts.key);
    auto value = validate_setting(spec, opts.value);
    ctx.diary(Access::write).set_setting(spec.key, value);
    ctx.out << fmt::format("{} = {}\n", spec.key, value);
}

void run_unset(const ConfigOptions& opts, Context& ctx) {
    const auto& spec = setting_spec(opts.key);
    ctx.diary(Access::write).unset_setting(spec.key);
    ctx.out << fmt::format("{} = {} (default)\n", spec.key, spec.default_value);
}

}  // namespace

void setup_config(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("config", "Show or change settings (kept in the diary file)");
    cmd->require_subcommand(1);
    auto opts = std::make_shared<ConfigOptions>();

    auto* list = cmd->add_subcommand("list", "Every setting with its value and meaning");
    add_format_option(*list, opts->format, {"text", "json"});
    list->callback([opts, &ctx] { run_list(*opts, ctx); });

    auto* get = cmd->add_subcommand("get", "Print one setting's value");
    get->add_option("KEY", opts->key, "Setting name")->required();
    get->callback([opts, &ctx] { run_get(*opts, ctx); });

    auto* set = cmd->add_subcommand("set", "Change a setting");
    set->add_option("KEY", opts->key, "Setting name")->required();
    set->add_option("VALUE", opts->value, "New value")->required();
    set->callback([opts, &ctx] { run_set(*opts, ctx); });

    auto* unset = cmd->add_subcommand("unset", "Return a setting to its default");
    unset->add_option("KEY", opts->key, "Setting name")->required();
    unset->callback([opts, &ctx] { run_unset(*opts, ctx); });
}

}  // namespace painlog::cli
