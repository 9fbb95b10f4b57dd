// JSON shapes of the member module's records (API answers and audit notes).
// ID numbers and phones only ever masked here.
#pragma once
#include <boost/json/object.hpp>

#include "modules/member/model.hpp"
#include "modules/member/service.hpp"

namespace lx::member {

boost::json::object membership_json(const Membership& m);
// A list row: the person and their latest membership, flattened.
boost::json::object member_json(const MemberRow& r);
// The detail: member_json plus memberships, history and transfers.
boost::json::object detail_json(const MemberDetail& d);
boost::json::object history_json(const HistoryEntry& h);
boost::json::object transfer_json(const Transfer& t);

}  // namespace lx::member
