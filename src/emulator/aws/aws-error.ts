import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Error names the emulator answers with, as AWS spells them. */
export type AwsErrorName =
  | 'InvalidParameterValueException'
  | 'MissingParameterValueException'
  | 'ResourceNotFoundException'
  | 'ServiceUnavailableException'
  | 'ThrottlingException'
  | 'AccessDeniedException'
  | 'ExpiredTokenException'
  | 'UnrecognizedClientException'
  | 'MissingAuthenticationTokenException'
  | 'InvalidSignatureException'
  | 'UnknownOperationException';

/** An AWS-shaped failure: the name goes to `x-amzn-ErrorType` and the body's `Code`. */
export class AwsError extends Error {
  readonly errorName: AwsErrorName;
  readonly status: number;
  readonly context: string | undefined;

  constructor(errorName: AwsErrorName, status: number, message: string, context?: string) {
    super(message);
    this.name = 'AwsError';
    this.errorName = errorName;
    this.status = status;
    this.context = context;
  }
}

/** 400 InvalidParameterValueException naming the parameter and the value. */
export function invalidValue(parameter: string, value: string, expected: string): AwsError {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return new AwsError(
    'InvalidParameterValueException',
    400,
    `Invalid value for parameter ${parameter}: "${shown}". Expected ${expected}.`,
    parameter,
  );
}

export function sendAwsError(res: ServerResponse, err: AwsError): void {
  const body = JSON.stringify({
    Code: err.errorName,
    Message: err.message,
    Type: err.status >= 500 ? 'Server' : 'User',
    ...(err.context ? { Context: err.context } : {}),
  });
  res.writeHead(err.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-errortype': err.errorName,
    'x-amzn-requestid': randomUUID(),
  });
  res.end(body);
}

/** A response body already serialised, sent as it is. */
export class RawJson {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

export function sendAwsJson(res: ServerResponse, value: unknown): void {
  const body = value instanceof RawJson ? value.text : JSON.stringify(value);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(body);
}
