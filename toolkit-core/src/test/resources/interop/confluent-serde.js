// An independent Confluent-wire-format encoder/decoder (@kafkajs/confluent-schema-registry, on avsc)
// for the interop test. Usage:
//   node confluent-serde.js encode <registryUrl> <subject> <schemaFile> <jsonPayload>  -> {"id":n,"hex":"..."}
//   node confluent-serde.js decode <registryUrl> <hex>                                 -> the decoded value as JSON
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const fs = require('fs');

async function main() {
  const [mode, host, ...rest] = process.argv.slice(2);
  const registry = new SchemaRegistry({ host });
  if (mode === 'encode') {
    const [subject, schemaFile, payload] = rest;
    const schema = fs.readFileSync(schemaFile, 'utf8');
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
    const bytes = await registry.encode(id, JSON.parse(payload));
    process.stdout.write(JSON.stringify({ id, hex: bytes.toString('hex') }));
  } else if (mode === 'decode') {
    const value = await registry.decode(Buffer.from(rest[0], 'hex'));
    process.stdout.write(JSON.stringify(value));
  } else {
    throw new Error('mode must be encode or decode, was ' + mode);
  }
}

main().catch(e => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
