// Tests never reach AWS: dummy credentials, a fixed Region, one SDK attempt
// (tests that exercise SDK retries set their own), and no Node.js version
// warning from the SDK on Node.js 20.
process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'test';
process.env.AWS_SECRET_ACCESS_KEY = 'test';
process.env.AWS_MAX_ATTEMPTS = process.env.AWS_MAX_ATTEMPTS ?? '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = process.env.POWERTOOLS_LOG_LEVEL ?? 'SILENT';
process.env.POWERTOOLS_DEV = 'false';
