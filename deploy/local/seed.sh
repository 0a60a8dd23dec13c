#!/usr/bin/env bash
# Loads demo data into a running local stack through the public APIs, as ops and partners
# would enter it: service centers in Japan and the US, entitlements at every level, and Gold
# Plus sites inside and outside the service areas. Safe to run again (every call is a PUT).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stack="$here/stack.sh"
intake="${RMA_INTAKE_URL:-http://127.0.0.1:8081}"
registry="${RMA_REGISTRY_URL:-http://127.0.0.1:8082}"

ops="$("$stack" token ops)"
tokyo_partner="$("$stack" token partner P-1001)"
us_partner="$("$stack" token partner P-2001)"

# put URL TOKEN JSON: PUT with a bearer token; fails loudly on any non-2xx answer
put() {
  local url="$1" token="$2" body="$3" answer status
  answer="$(curl -sS -w '\n%{http_code}' -X PUT "$url" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")"
  status="${answer##*$'\n'}"
  if [[ "$status" != 2* ]]; then
    echo "seed: PUT $url answered $status: ${answer%$'\n'*}" >&2
    return 1
  fi
}

# dates relative to today in Tokyo, so that contracts are active whenever the demo runs
day() { TZ=Asia/Tokyo date -d "$1" +%F; }
today="$(day today)"
in_a_year="$(day '+1 year')"
ago_2y="$(day '-2 years')"
ago_3m="$(day '-3 months')"
ago_5y="$(day '-5 years')"
ago_1m="$(day '-1 month')"
pending_from="$(TZ=UTC date -d '+6 weeks' +%FT00:00:00Z)"

echo "seed: service centers" >&2
put "$registry/api/v1/service-centers/SC-TYO-1" "$ops" \
  '{"name":"Tokyo Otemachi service center","country":"JP","latitude":35.6870,"longitude":139.7640,"activeFrom":"2020-04-01T00:00:00Z"}'
put "$registry/api/v1/service-centers/SC-OSA-1" "$ops" \
  "{\"name\":\"Osaka service center (opening)\",\"country\":\"JP\",\"latitude\":34.7025,\"longitude\":135.4959,\"activeFrom\":\"$pending_from\"}"
put "$registry/api/v1/service-centers/SC-SJC-1" "$ops" \
  '{"name":"San Jose service center","country":"US","latitude":37.3382,"longitude":-121.8863,"activeFrom":"2021-01-01T00:00:00Z"}'

# entitlement SERIAL PARTNER LEVEL START END SHIPPED [EOL] [EXTENDED] [CUSTOMER_SUCCESS_SERVICES]
entitlement() {
  local eol="" ext="" css=""
  [[ -n "${7:-}" ]] && eol=",\"endOfLifeDate\":\"$7\""
  [[ -n "${8:-}" ]] && ext=",\"extendedSupportUntil\":\"$8\""
  [[ -n "${9:-}" ]] && css=",\"customerSuccessServicesUntil\":\"$9\""
  put "$intake/api/v1/entitlements/$1" "$ops" \
    "{\"serialNumber\":\"$1\",\"partnerId\":\"$2\",\"customerId\":\"C-$1\",\"productModel\":\"MPX 9100\",\"maintenanceLevel\":\"$3\",\"contractStart\":\"$4\",\"contractEnd\":\"$5\",\"hardwareShipDate\":\"$6\"$eol$ext$css}"
}

echo "seed: entitlements" >&2
entitlement JP-GP-TOKYO   P-1001 GOLD_PLUS "$ago_2y" "$in_a_year" "$ago_2y"
entitlement JP-GP-OSAKA   P-1001 GOLD_PLUS "$ago_2y" "$in_a_year" "$ago_2y"
entitlement JP-GP-SAPPORO P-1001 GOLD_PLUS "$ago_2y" "$in_a_year" "$ago_2y"
entitlement JP-GP-NOSITE  P-1001 GOLD_PLUS "$ago_2y" "$in_a_year" "$ago_2y"
entitlement JP-GOLD-1     P-1001 GOLD      "$ago_2y" "$in_a_year" "$ago_2y"
entitlement JP-SILVER-1   P-1001 SILVER    "$ago_2y" "$in_a_year" "$ago_2y"
entitlement JP-BRONZE-1   P-1001 BRONZE    "$ago_2y" "$in_a_year" "$ago_2y"
entitlement JP-WARRANTY-1 P-1001 NONE      "$ago_2y" "$ago_1m"    "$ago_3m"
entitlement JP-EXPIRED-1  P-1001 NONE      "$ago_5y" "$ago_2y"    "$ago_5y"
entitlement JP-EOL-1      P-1001 SILVER    "$ago_2y" "$in_a_year" "$ago_5y" "$ago_1m"
entitlement JP-EOL-EXT-1  P-1001 SILVER    "$ago_2y" "$in_a_year" "$ago_5y" "$ago_1m" "$in_a_year" "$in_a_year"
entitlement JP-EOL-EXT-2  P-1001 SILVER    "$ago_2y" "$in_a_year" "$ago_5y" "$ago_1m" "$in_a_year"
entitlement US-GP-SJ      P-2001 GOLD_PLUS "$ago_2y" "$in_a_year" "$ago_2y"
entitlement US-GP-FAR     P-2001 GOLD_PLUS "$ago_2y" "$in_a_year" "$ago_2y"

# site SERIAL TOKEN JSON-ADDRESS: waits until the registry has learned the owner from Kafka
site() {
  local tries=0
  until put "$registry/api/v1/sites/$1/address" "$2" "$3" 2>/dev/null; do
    tries=$((tries + 1))
    if ((tries > 60)); then
      put "$registry/api/v1/sites/$1/address" "$2" "$3" # shows the error
      return 1
    fi
    sleep 0.5 # the owner arrives asynchronously over rma.entitlements
  done
}

echo "seed: Gold Plus sites" >&2
site JP-GP-TOKYO "$tokyo_partner" \
  '{"line1":"1-1 Marunouchi","city":"Chiyoda-ku","region":"Tokyo","postalCode":"100-0005","country":"JP","latitude":35.6812,"longitude":139.7671}'
site JP-GP-OSAKA "$tokyo_partner" \
  '{"line1":"3-1 Umeda","city":"Kita-ku","region":"Osaka","postalCode":"530-0001","country":"JP","latitude":34.7025,"longitude":135.4959}'
site JP-GP-SAPPORO "$tokyo_partner" \
  '{"line1":"Kita 5 Nishi 4","city":"Sapporo","region":"Hokkaido","postalCode":"060-0005","country":"JP","latitude":43.0687,"longitude":141.3508}'
site US-GP-SJ "$us_partner" \
  '{"line1":"1 Infinite Way","city":"Palo Alto","region":"CA","postalCode":"94301","country":"US","latitude":37.4419,"longitude":-122.1430}'
site US-GP-FAR "$us_partner" \
  '{"line1":"100 Main St","city":"Sacramento","region":"CA","postalCode":"95814","country":"US","latitude":38.5816,"longitude":-121.4944}'

echo "seed: done ($today). Partners: P-1001 (Japan), P-2001 (US). See the README walkthrough." >&2
