#!/bin/sh
# Creates the read-model databases of analytics and notification, each owned by its own role,
# on the first start of an empty data directory (the postgres image runs the scripts in
# /docker-entrypoint-initdb.d then, and never again). Used by Compose and by Kubernetes.
#
# The role passwords come from ANALYTICS_DB_PASSWORD and NOTIFICATION_DB_PASSWORD, or from the
# files named by ANALYTICS_DB_PASSWORD_FILE and NOTIFICATION_DB_PASSWORD_FILE (Compose secrets).
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

  # Each service creates its own schema and tables at start, so its role owns its database.
  psql --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set analytics_password="$analytics_password" \
    --set notification_password="$notification_password" <<'SQL'
CREATE ROLE analytics LOGIN PASSWORD :'analytics_password';
CREATE DATABASE analytics OWNER analytics;
REVOKE ALL ON DATABASE analytics FROM PUBLIC;

CREATE ROLE notification LOGIN PASSWORD :'notification_password';
CREATE DATABASE notification OWNER notification;
REVOKE ALL ON DATABASE notification FROM PUBLIC;
SQL
)

create_read_model_databases
