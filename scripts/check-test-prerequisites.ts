/**
 * `npm test`'s first step (`pretest`): the tools the suite needs beyond npm packages, checked up
 * front so a new machine gets one line saying what to install instead of failures deep in the
 * run. Nothing is skipped: a missing tool stops the run (exit 1).
 *
 * - Java 17+ for DynamoDB Local (integration and e2e tests), unless DYNAMODB_ENDPOINT names one;
 * - Chromium for the browser tests, at CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { javaMajorVersion, MIN_JAVA_VERSION } from '../src/local/dynamodb-local';

/** Where the browser tests find Chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** What is missing, each with how to get it; empty when the suite can run. */
export function testPrerequisiteProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  if (!env.DYNAMODB_ENDPOINT) {
    const java = javaMajorVersion();
    if (java === undefined || java < MIN_JAVA_VERSION) {
      problems.push(
        `Java ${MIN_JAVA_VERSION}+ for DynamoDB Local (${java === undefined ? 'not found' : `found ${java}`}; ` +
          'sudo apt-get install openjdk-17-jre-headless, brew install openjdk@17, or set DYNAMODB_ENDPOINT)',
      );
    }
  }
  const chromium = chromiumPath(env);
  if (!isExecutableFile(chromium)) {
    problems.push(
      `Chromium for the browser tests (none at ${chromium}; sudo apt-get install chromium, ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary)',
    );
  }
  return problems;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const problems = testPrerequisiteProblems();
  if (problems.length > 0) {
    console.error(`npm test needs ${problems.join(' and ')}.`);
    process.exit(1);
  }
}
