import { describe, expect, it } from 'vitest';
import { awsCliDenial } from '../../src/guard/aws-cli.js';
import { asksForHelp, lastDryRun } from '../../src/guard/flags.js';
import { operationReads, powershellWrites, sdkWrites } from '../../src/guard/sdk-calls.js';
import { sigv4Denial } from '../../src/guard/sigv4.js';

const words = (text: string) => text.split(' ');

describe('the AWS CLI', () => {
  it('allows the read shapes of every service and denies every other operation', () => {
    expect(awsCliDenial(words('ec2 describe-instances'))).toBeUndefined();
    expect(awsCliDenial(words('newservice list-widgets'))).toBeUndefined();
    expect(awsCliDenial(words('newservice frobnicate-widget'))).toMatch(/not a read/);
  });
  it('reads global options anywhere, and denies when an unknown option may have shifted the words', () => {
    expect(awsCliDenial(words('--region us-east-1 ec2 --profile p terminate-instances'))).toMatch(/terminate-instances/);
    expect(awsCliDenial(words('--weird ec2 describe-instances'))).toMatch(/shifted/);
  });
  it('judges s3 cp and sync by direction', () => {
    expect(awsCliDenial(words('s3 cp s3://b/k -'))).toBeUndefined();
    expect(awsCliDenial(words('s3 sync ./dist s3://site --delete --region us-east-1'))).toMatch(/s3 sync/);
  });
  it('takes help only right after the operation', () => {
    expect(awsCliDenial(words('s3 rm help'))).toBeUndefined();
    expect(awsCliDenial(words('s3 rm s3://b --recursive --exclude help'))).toMatch(/s3 rm/);
  });
});

describe('flags', () => {
  it('the last dry-run option wins', () => {
    const flags = { '--dry-run': true, '--no-dry-run': false };
    expect(lastDryRun(words('--dry-run --no-dry-run'), flags)).toBe(false);
    expect(lastDryRun(words('--no-dry-run --dry-run'), flags)).toBe(true);
    expect(lastDryRun(words('-dry-run=false'), { '-dry-run': true })).toBe(false);
    expect(lastDryRun(words('--method=prepare-change-set --method=direct'), { '--method=prepare-change-set': true })).toBe(false);
  });
  it('help is not help when it is the value of an option', () => {
    expect(asksForHelp(words('up --yes --help'))).toBe(true);
    expect(asksForHelp(words('up --yes --message --help'))).toBe(false);
  });
});

describe('SDK calls', () => {
  it('are judged by the verb of the operation, in each SDK spelling', () => {
    expect(operationReads('describe_stacks')).toBe(true);
    expect(operationReads('DeleteStack')).toBe(false);
    expect(operationReads('terminateInstances')).toBe(false);
    expect(operationReads('toString')).toBeUndefined();
  });
  it('count only in code that loads an AWS SDK', () => {
    expect(sdkWrites("import boto3; boto3.client('ec2').terminate_instances(InstanceIds=['i-1'])")).toEqual(['terminate_instances']);
    expect(sdkWrites('d = {}; d.update(x)')).toEqual([]);
    expect(sdkWrites("require('@aws-sdk/client-s3'); s.send(new DeleteBucketCommand({}))")).toEqual(['DeleteBucketCommand']);
  });
  it('PowerShell AWS Tools cmdlets by verb', () => {
    expect(powershellWrites('Get-EC2Instance | Stop-EC2Instance; Remove-Item x; Write-Host hi')).toEqual(['Stop-EC2Instance']);
  });
  it('signed HTTP requests by Action, X-Amz-Target or method', () => {
    expect(sigv4Denial(['--aws-sigv4', 'aws:amz:us-east-1:ec2', 'https://ec2.amazonaws.com/?Action=DescribeInstances'])).toBeUndefined();
    expect(sigv4Denial(['--aws-sigv4', 'aws:amz:us-east-1:ec2', 'https://ec2.amazonaws.com/?Action=TerminateInstances'])).toMatch(/TerminateInstances/);
    expect(sigv4Denial(['-X', 'DELETE', '--aws-sigv4', 'aws:amz:us-east-1:s3', 'https://b.s3.amazonaws.com/k'])).toMatch(/DELETE/);
    expect(sigv4Denial(['-X', 'DELETE', 'https://api.example.com/x'])).toBeUndefined();
  });
});
