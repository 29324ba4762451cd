#include "output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "painlog/error.hpp"

namespace painlog::cli {

void add_format_option(CLI::App& cmd, std::string& format, std::initializer_list<std::string> choices,
                       std::string_view what) {
    format = *choices.begin();
    cmd.add_option("--format", format, fmt::format("{}: {} (default {})", what, fmt::join(choices, ", "), format))
        ->check(CLI::IsMember(std::vector<std::string>(choices)))
        ->type_name("FORMAT");
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    std::filesystem::path target(path);
    auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::string temporary = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    auto cannot_write = [&](int err) {
        return RuntimeError(fmt::format("-o {}: cannot write: {}", path, std::strerror(err)));
    };
    // mkstemp creates the file with mode 0600 before anything is in it.
    int fd = ::mkstemp(temporary.data());
    if (fd < 0) throw cannot_write(errno);
    ::close(fd);
    try {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        write(out);
        out.close();
        if (!out) throw cannot_write(errno);
        fd = ::open(temporary.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) throw cannot_write(errno);
        if (::fsync(fd) != 0) {
            auto err = errno;
            ::close(fd);
            throw cannot_write(err);
        }
        if (::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) throw cannot_write(errno);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
}

}  // namespace painlog::cli
