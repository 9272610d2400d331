/** The real-browser tests (npm run test:e2e): slower, one at a time. */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", {}] },
  testTimeout: 120000,
  maxWorkers: 1,
};
