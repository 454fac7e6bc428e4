"""Reports: the model they are validated with (schema, parts), storing and amending one in one
transaction (submit), a bulk import (bulk), their rows (rows) and duplicate detection."""
