// JSON of the life module's records (the API's answers).
#pragma once
#include <boost/json.hpp>

#include "modules/life/service.hpp"

namespace lx::life {

boost::json::object meeting_json(const MeetingRecord& m);
boost::json::object detail_json(const MeetingDetail& d);
boost::json::object attendance_json(const Attendance& a);
boost::json::object attachment_json(const Attachment& a);
boost::json::object message_json(const Message& m);
boost::json::object talk_json(const HeartTalk& t);
boost::json::object check_in_json(const CheckInState& s);
boost::json::object duty_json(const Duty& d, const OrgCompliance& oc);
boost::json::object compliance_json(const OrgCompliance& oc);
boost::json::object my_life_json(const MyLife& me);

}  // namespace lx::life
