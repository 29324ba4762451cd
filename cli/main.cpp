#include "app.hpp"

int main(int argc, char** argv) { return painlog::cli::run(argc, argv); }
