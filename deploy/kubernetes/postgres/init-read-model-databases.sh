#!/bin/sh
# Creates the read-model databases of analytics and notification and the key vault database of
# intake and case-tracking, each owned by its own role, on the first start of an empty data
# directory (the postgres image runs the scripts in /docker-entrypoint-initdb.d then, and never
# again). Used by Compose and by Kubernetes.
#
# The role passwords come from ANALYTICS_DB_PASSWORD, NOTIFICATION_DB_PASSWORD and
# KEY_VAULT_DB_PASSWORD, or from the files named by the same names with _FILE (Compose secrets).
#
# The body runs in a subshell: the image sources a script that is not executable, and these
# shell options must not leak into its own.
create_read_model_databases() (
  set -eu

  secret() {
    file_variable="${1}_FILE"
    eval "file=\${$file_variable:-}"
    if [ -n "$file" ]; then
      cat "$file"
    else
      eval "printf '%s' \"\${$1:?$1 or $file_variable must be set}\""
    fi
  }

  analytics_password="$(secret ANALYTICS_DB_PASSWORD)"
  notification_password="$(secret NOTIFICATION_DB_PASSWORD)"
  key_vault_password="$(secret KEY_VAULT_DB_PASSWORD)"

  # Each service creates its own schema and tables at start, so its role owns its database.
  psql --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set analytics_password="$analytics_password" \
    --set notification_password="$notification_password" \
    --set key_vault_password="$key_vault_password" <<'SQL'
CREATE ROLE analytics LOGIN PASSWORD :'analytics_password';
CREATE DATABASE analytics OWNER analytics;
REVOKE ALL ON DATABASE analytics FROM PUBLIC;

CREATE ROLE notification LOGIN PASSWORD :'notification_password';
CREATE DATABASE notification OWNER notification;
REVOKE ALL ON DATABASE notification FROM PUBLIC;

-- One vault for intake and case-tracking together: either may make a case's data key, and an
-- erasure must destroy the only copy. Its own database, so that it can be backed up (and its
-- backups expired) apart from the read models.
CREATE ROLE key_vault LOGIN PASSWORD :'key_vault_password';
CREATE DATABASE key_vault OWNER key_vault;
REVOKE ALL ON DATABASE key_vault FROM PUBLIC;
SQL
)

create_read_model_databases
