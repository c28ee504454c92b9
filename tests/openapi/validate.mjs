// Validates an OpenAPI document with @apidevtools/swagger-parser (the
// OpenAPI 3.0 schema, $refs resolved): node validate.mjs OPENAPI_JSON
import SwaggerParser from "@apidevtools/swagger-parser";

try {
  const api = await SwaggerParser.validate(process.argv[2]);
  console.log(`valid: ${api.info.title} ${api.info.version}, OpenAPI ${api.openapi}`);
} catch (e) {
  console.error(`INVALID: ${e.message}`);
  process.exit(1);
}
