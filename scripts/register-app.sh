#!/usr/bin/env bash
# Registers School Policy Guard in the school's Microsoft Entra ID with the Azure CLI (Azure Cloud
# Shell has it, signed in). Run from the repository folder, after `npm ci`:
#
#   bash scripts/register-app.sh https://policyguard.yourschool.org.uk [--sharepoint] [--client-id <existing>]
#
# Safe to run again: it updates the same app. It prints the values docs/deploy.md asks for next.
set -euo pipefail

HOST="${1:-}"
shift || true
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
case "$HOST" in
  https://*) ;;
  *) echo "Usage: bash scripts/register-app.sh https://<your service's address> [--sharepoint] [--client-id <id>]" >&2; exit 2 ;;
esac

GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
NAME="${APP_NAME:-School Policy Guard}"
TENANT_ID=$(az account show --query tenantId -o tsv)
echo "Tenant: $TENANT_ID ($(az account show --query user.name -o tsv))"

if [ -z "$CLIENT_ID" ]; then
  CLIENT_ID=$(az ad app list --display-name "$NAME" --query "[0].appId" -o tsv)
fi
if [ -z "$CLIENT_ID" ]; then
  CLIENT_ID=$(az ad app create --display-name "$NAME" --sign-in-audience AzureADMyOrg --query appId -o tsv)
  echo "Created the app registration $NAME: $CLIENT_ID"
else
  echo "Updating the app registration $NAME: $CLIENT_ID"
fi
OBJECT_ID=$(az ad app show --id "$CLIENT_ID" --query id -o tsv)
patch() {
  az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" \
    --headers Content-Type=application/json --body "$1" --output none
}
# The scope first, then the Teams, Outlook and Microsoft 365 clients allowed to ask for it.
patch "$(npx tsx scripts/entra-app.ts --host "$HOST" --client-id "$CLIENT_ID" --without-preauthorized)"
patch "$(npx tsx scripts/entra-app.ts --host "$HOST" --client-id "$CLIENT_ID")"

az ad sp show --id "$CLIENT_ID" --output none 2>/dev/null || az ad sp create --id "$CLIENT_ID" --output none

PERMISSIONS="GroupMember.Read.All TeamsActivity.Send User.Read.All MailboxSettings.Read Calendars.Read"
[ "$SHAREPOINT" = 1 ] && PERMISSIONS="$PERMISSIONS Sites.Selected"
for permission in $PERMISSIONS; do
  ROLE_ID=$(az ad sp show --id "$GRAPH_APP_ID" --query "appRoles[?value=='$permission'].id | [0]" -o tsv)
  az ad app permission add --id "$CLIENT_ID" --api "$GRAPH_APP_ID" --api-permissions "$ROLE_ID=Role" --output none 2>/dev/null || true
  echo "Microsoft Graph application permission: $permission"
done
az ad app permission admin-consent --id "$CLIENT_ID"

cat <<DONE

Done. Keep these for the next steps:
  TENANT_ID=$TENANT_ID
  CLIENT_ID=$CLIENT_ID
  API_AUDIENCE=$CLIENT_ID,api://${HOST#https://}/$CLIENT_ID
Check: az ad app permission list-grants --id $CLIENT_ID --show-resource-name   (or Entra admin centre →
App registrations → $NAME → API permissions: every row "Granted for <your school>").
DONE
