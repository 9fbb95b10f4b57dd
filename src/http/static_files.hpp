// Serves the built front end (web/dist) from the same process: content types,
// long cache for hashed assets, no cache for index.html, the single-page-app
// fallback for client routes, and nothing outside the folder.
#pragma once
#include <string>

#include "http/message.hpp"

namespace lx::http {

// The answer for a non-API request under web_dir.
Response serve_static(const std::string& web_dir, const Request& req);

// The Content-Type for a file name's extension.
std::string content_type_for(const std::string& name);

}  // namespace lx::http
