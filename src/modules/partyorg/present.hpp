// The party org module's records as JSON, the same field names as the
// glossary, each coded value with its Chinese name beside it (type and
// type_name, …) and phones only masked.
#pragma once
#include <boost/json/value.hpp>

#include "modules/partyorg/model.hpp"
#include "modules/partyorg/rules.hpp"
#include "modules/partyorg/service.hpp"

namespace lx::partyorg {

// A party org with depth, term end and whether it is dissolved on `today`.
boost::json::object party_org_json(const PartyOrg& p, const std::string& today);
boost::json::object coverage_json(const CoverageLink& l);
boost::json::object post_json(const CommitteePost& p);
boost::json::object assignment_json(const Assignment& a);
boost::json::object mass_org_json(const MassOrg& m);
boost::json::object warning_json(const Warning& w);
boost::json::object scoped_warning_json(const ScopedWarning& w);
boost::json::object org_json(const OrgBrief& o);
// Every vocabulary as [{code, name}] lists, for forms and filters.
boost::json::object vocabulary_json();

}  // namespace lx::partyorg
