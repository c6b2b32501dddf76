#!/usr/bin/env bash
# Registers School Policy Guard in the school's Microsoft Entra ID with the Azure CLI (Azure Cloud
# Shell has it, signed in). Run from the repository folder, after `npm ci`:
#
#   bash scripts/register-app.sh https://policyguard.yourschool.org.uk [--sharepoint] [--client-id <existing>]
#   bash scripts/register-app.sh --sweep [--client-id <existing>]
#
# The first registers the web service (Teams tab, add-in sign-in, reminders); the second, the compliance
# sweep as an app of its own, "<name> sweep", which alone may read mailbox settings and calendars: the
# internet-facing service never holds those permissions, and the sweep's certificate stays on the server
# that runs it. Safe to run again: each updates the same app. It prints the values docs/deploy.md asks for next.
set -euo pipefail

SWEEP=0
HOST=""
case "${1:-}" in
  --sweep) SWEEP=1; shift ;;
  *) HOST="${1:-}"; shift || true ;;
esac
SHAREPOINT=0
CLIENT_ID=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sharepoint) SHAREPOINT=1 ;;
    --client-id) CLIENT_ID="$2"; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$SWEEP" = 0 ]; then
  case "$HOST" in
    https://*) ;;
    *) echo "Usage: bash scripts/register-app.sh https://<your service's address> [--sharepoint] [--client-id <id>]
       bash scripts/register-app.sh --sweep [--client-id <id>]" >&2; exit 2 ;;
  esac
fi

GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
NAME="${APP_NAME:-School Policy Guard}"
[ "$SWEEP" = 1 ] && NAME="$NAME sweep"
TENANT_ID=$(az account show --query tenantId -o tsv)
echo "Tenant: $TENANT_ID ($(az account show --query user.name -o tsv))"

if [ -z "$CLIENT_ID" ]; then
  # The exact name (the CLI's --display-name matches by prefix, and "<name> sweep" starts with "<name>"); an
  # apostrophe doubled for OData ("St Anne''s").
  CLIENT_ID=$(az ad app list --filter "displayName eq '${NAME//\'/\'\'}'" --query "[0].appId" -o tsv)
fi
if [ -z "$CLIENT_ID" ]; then
  CLIENT_ID=$(az ad app create --display-name "$NAME" --sign-in-audience AzureADMyOrg --query appId -o tsv)
  echo "Created the app registration $NAME: $CLIENT_ID"
else
  echo "Updating the app registration $NAME: $CLIENT_ID"
fi
if [ "$SWEEP" = 0 ]; then
  OBJECT_ID=$(az ad app show --id "$CLIENT_ID" --query id -o tsv)
  patch() {
    az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" \
      --headers Content-Type=application/json --body "$1" --output none
  }
  # The scope first, then the Teams, Outlook and Microsoft 365 clients allowed to ask for it.
  patch "$(npx tsx scripts/entra-app.ts --host "$HOST" --client-id "$CLIENT_ID" --without-preauthorized)"
  patch "$(npx tsx scripts/entra-app.ts --host "$HOST" --client-id "$CLIENT_ID")"
fi

az ad sp show --id "$CLIENT_ID" --output none 2>/dev/null || az ad sp create --id "$CLIENT_ID" --output none

# Application permissions, the least each Graph call needs as Microsoft's v1.0 API pages name it (the same
# list as graph/README.md and docs/deploy.md step 5):
#   GroupMember.Read.All   the service's audiences and the sweep's --group: Get group and List
#                          transitiveMembers (learn.microsoft.com/graph/api/group-get)
#   TeamsActivity.Send     the service's reminders (teamwork/sendActivityNotification)
#   Sites.Selected         the service's SharePoint evidence list (--sharepoint)
# and the sweep's own app:
#   GroupMember.Read.All   as above, for --group
#   User.Read.All          the sweep's /users (learn.microsoft.com/graph/api/user-list)
#   MailboxSettings.Read   the sweep's mailboxSettings and inbox messageRules (user-get-mailboxsettings,
#                          mailfolder-list-messagerules)
#   Calendars.ReadBasic    the sweep's calendarView and calendarPermissions lists: the Application row of
#                          learn.microsoft.com/graph/api/user-list-calendarview and
#                          learn.microsoft.com/graph/api/calendar-list-calendarpermissions (Calendars.Read,
#                          which also reads event bodies, is only the Get-one-permission page's)
#   Organization.Read.All  the sweep's /organization, for the tenant's verified domains
#                          (learn.microsoft.com/graph/api/organization-get: least privileged for Application)
if [ "$SWEEP" = 1 ]; then
  PERMISSIONS="GroupMember.Read.All User.Read.All MailboxSettings.Read Calendars.ReadBasic Organization.Read.All"
else
  PERMISSIONS="GroupMember.Read.All TeamsActivity.Send"
  [ "$SHAREPOINT" = 1 ] && PERMISSIONS="$PERMISSIONS Sites.Selected"
fi
for permission in $PERMISSIONS; do
  ROLE_ID=$(az ad sp show --id "$GRAPH_APP_ID" --query "appRoles[?value=='$permission'].id | [0]" -o tsv)
  # A name Graph does not know would otherwise be "added" silently and missing at the first sweep.
  if [ -z "$ROLE_ID" ]; then
    echo "Microsoft Graph has no application permission $permission: nothing granted for it." >&2
    exit 1
  fi
  az ad app permission add --id "$CLIENT_ID" --api "$GRAPH_APP_ID" --api-permissions "$ROLE_ID=Role" --output none 2>/dev/null || true
  echo "Microsoft Graph application permission: $permission"
done
az ad app permission admin-consent --id "$CLIENT_ID"

if [ "$SWEEP" = 1 ]; then
  cat <<DONE

Done. Keep these for the sweep (docs/deploy.md step 9):
  TENANT_ID=$TENANT_ID
  SWEEP_CLIENT_ID=$CLIENT_ID
Check: az ad app permission list-grants --id $CLIENT_ID --show-resource-name   (or Entra admin centre →
App registrations → $NAME → API permissions: every row "Granted for <your school>").
DONE
  exit 0
fi
cat <<DONE

Done. Keep these for the next steps:
  TENANT_ID=$TENANT_ID
  CLIENT_ID=$CLIENT_ID
  API_AUDIENCE=$CLIENT_ID,api://${HOST#https://}/$CLIENT_ID
Check: az ad app permission list-grants --id $CLIENT_ID --show-resource-name   (or Entra admin centre →
App registrations → $NAME → API permissions: every row "Granted for <your school>").
DONE
