// JSON answers and the typed reading of request fields. Every reader names
// the field in its Chinese error, so a client learns which input was wrong.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace lx::http {

namespace json = boost::json;

// A JSON response with the given status.
Response json_response(int status, const json::value& v);

// The one error format: {"error": {"code", "message", "field"}}.
Response error_response(const Error& e);

// Required fields: throw ApiError 400 naming the field when missing or of the wrong type.
std::string req_string(const json::object& o, std::string_view field, std::size_t max_len = 1000);
std::int64_t req_int(const json::object& o, std::string_view field);
bool req_bool(const json::object& o, std::string_view field);

// Optional fields: nullopt when absent or null; 400 when of the wrong type.
std::optional<std::string> opt_string(const json::object& o, std::string_view field, std::size_t max_len = 1000);
std::optional<std::int64_t> opt_int(const json::object& o, std::string_view field);
std::optional<bool> opt_bool(const json::object& o, std::string_view field);

// True when the object has the key (even with a null value).
bool has(const json::object& o, std::string_view field);

// The request body as JSON with the server's limits (depth 32, valid UTF-8);
// throws ApiError 400 invalid_json when it is empty, malformed or not an object.
json::value parse_body(const std::string& text);

// A path parameter as a positive id (at most 18 digits); throws ApiError 404 otherwise.
std::int64_t parse_id(const std::string& text);

// page (≥1, default 1) and size (1..200, default 20) of a query; throws ApiError 400 naming the parameter.
std::pair<std::int64_t, std::int64_t> parse_paging(const std::map<std::string, std::string>& query);

// A nullable DB text column as JSON (null or string).
json::value nullable(const std::optional<std::string>& s);
json::value nullable(const std::optional<std::int64_t>& i);

}  // namespace lx::http
