/**
 * MCP servers that reach infrastructure, and what each of their tools does: data, read from the
 * servers' own sources (tool names and arguments as registered with the MCP SDK). A tool of one of
 * these servers that isn't listed is denied: a new release may add a mutation.
 */

/** How a tool whose effect depends on its arguments is judged. */
export type ToolJudgement =
  /** The argument is an AWS CLI command line, or a list of them (aws-api-mcp-server's `cli_command`): each is judged as the shell command it is. */
  | { readonly kind: 'aws-cli'; readonly arg: string }
  /** The argument picks the operation: these values read, any other (or a missing one, unless `default` reads) changes infrastructure. */
  | { readonly kind: 'choice'; readonly arg: string; readonly reads: readonly string[]; readonly default?: string }
  /** The argument names an AWS API operation (`DescribeServices`): AWS's read-only prefixes read. */
  | { readonly kind: 'api-operation'; readonly arg: string }
  /** Two arguments name an AWS CLI service and operation (`ec2`, `describe-instances`): judged as `aws <service> <operation>`. */
  | { readonly kind: 'aws-service-operation'; readonly service: string; readonly operation: string };

export interface McpServerTable {
  /** The server's name and package, for denials. */
  readonly title: string;
  /** How users name the server in their MCP configuration (the key, or the package it runs), tested against the runtime's server name. */
  readonly names: RegExp;
  /** Tools that only read (or only write files on the agent's machine). */
  readonly reads: readonly string[];
  /** Tools that change infrastructure. */
  readonly mutations: readonly string[];
  readonly judged?: Readonly<Record<string, ToolJudgement>>;
  /** Tools whose name alone tells the server (used when the runtime doesn't say which server a tool is from). */
  readonly distinctive: readonly string[];
}

export const MCP_SERVERS: readonly McpServerTable[] = [
  {
    // awslabs/mcp src/aws-api-mcp-server/awslabs/aws_api_mcp_server/server.py
    title: 'AWS API MCP server (awslabs.aws-api-mcp-server)',
    names: /aws[-_.]?api|aws-api-mcp/i,
    reads: ['suggest_aws_commands', 'get_execution_plan'],
    mutations: [],
    judged: { call_aws: { kind: 'aws-cli', arg: 'cli_command' } },
    distinctive: ['call_aws', 'suggest_aws_commands'],
  },
  {
    // awslabs/mcp src/ccapi-mcp-server/awslabs/ccapi_mcp_server/server.py
    title: 'AWS Cloud Control API MCP server (awslabs.ccapi-mcp-server)',
    names: /ccapi|cloud[-_.]?control/i,
    reads: [
      'check_environment_variables', 'get_aws_session_info', 'get_aws_account_info', 'get_resource_schema_information', 'list_resources', 'get_resource',
      'get_resource_request_status', 'generate_infrastructure_code', 'explain', 'run_checkov', 'create_template',
    ],
    mutations: ['create_resource', 'update_resource', 'delete_resource'],
    distinctive: ['get_resource_schema_information', 'generate_infrastructure_code', 'get_aws_session_info', 'get_resource_request_status'],
  },
  {
    // awslabs/mcp src/cfn-mcp-server (deprecated for the ccapi server, still installed): Cloud Control API through CloudFormation's name.
    title: 'AWS CloudFormation MCP server (awslabs.cfn-mcp-server)',
    names: /cfn|cloud[-_.]?formation/i,
    reads: ['get_resource_schema_information', 'list_resources', 'get_resource', 'get_resource_request_status', 'create_template'],
    mutations: ['create_resource', 'update_resource', 'delete_resource'],
    distinctive: [],
  },
  {
    // awslabs/mcp src/terraform-mcp-server (the AWS one): runs the Terraform and Terragrunt CLIs.
    title: 'AWS Terraform MCP server (awslabs.terraform-mcp-server)',
    names: /terraform|terragrunt/i,
    reads: ['SearchAwsProviderDocs', 'SearchAwsccProviderDocs', 'SearchSpecificAwsIaModules', 'SearchUserProvidedModule', 'RunCheckovScan'],
    mutations: [],
    judged: {
      ExecuteTerraformCommand: { kind: 'choice', arg: 'command', reads: ['init', 'plan', 'validate', 'output'] },
      ExecuteTerragruntCommand: { kind: 'choice', arg: 'command', reads: ['init', 'plan', 'validate', 'output'] },
    },
    distinctive: ['ExecuteTerraformCommand', 'ExecuteTerragruntCommand', 'SearchAwsProviderDocs', 'SearchAwsccProviderDocs'],
  },
  {
    // hashicorp/terraform-mcp-server pkg/tools: the registry (docs) and HCP Terraform / Terraform Enterprise.
    title: 'Terraform MCP server (hashicorp/terraform-mcp-server, HCP Terraform)',
    names: /terraform|tfe|hcp/i,
    reads: [
      'search_providers', 'get_provider_details', 'get_latest_provider_version', 'get_provider_capabilities', 'search_modules', 'get_module_details',
      'get_latest_module_version', 'search_policies', 'get_policy_details', 'resolve_provider_doc_id', 'get_provider_docs', 'search_private_modules',
      'get_private_module_details', 'search_private_providers', 'get_private_provider_details', 'list_terraform_orgs', 'list_terraform_projects',
      'list_workspaces', 'get_workspace_details', 'list_runs', 'get_run_details', 'get_plan_details', 'get_plan_json_output', 'get_plan_logs',
      'get_apply_details', 'get_apply_logs', 'list_workspace_variables', 'list_variable_sets', 'list_workspace_policy_sets', 'read_workspace_tags',
      'list_stacks', 'get_stack_details', 'list_teams', 'get_team', 'get_token_permissions', 'whoami', 'get_sentinel_mock',
    ],
    mutations: [
      'action_run', 'create_workspace', 'create_no_code_workspace', 'update_workspace', 'delete_workspace_safely', 'force_unlock_workspace',
      'create_workspace_variable', 'update_workspace_variable', 'create_workspace_tags', 'create_variable_set', 'create_variable_in_variable_set',
      'delete_variable_in_variable_set', 'attach_variable_set_to_workspaces', 'detach_variable_set_from_workspaces', 'attach_policy_set_to_workspaces',
      'create_project', 'delete_project', 'create_team',
    ],
    // A speculative plan (plan_only) changes nothing; the default run plans and, on auto-apply workspaces, applies.
    judged: { create_run: { kind: 'choice', arg: 'run_type', reads: ['plan_only'], default: 'plan_and_apply' } },
    distinctive: ['action_run', 'create_run', 'list_terraform_orgs', 'get_plan_json_output', 'delete_workspace_safely', 'force_unlock_workspace', 'get_workspace_details'],
  },
  {
    // awslabs/mcp src/aws-serverless-mcp-server: SAM and web-app deployment.
    title: 'AWS Serverless MCP server (awslabs.aws-serverless-mcp-server)',
    names: /serverless|aws[-_.]?sam/i,
    reads: [
      'sam_init', 'sam_build', 'sam_logs', 'get_iac_guidance', 'get_lambda_guidance', 'get_lambda_event_schemas', 'get_serverless_templates', 'get_metrics',
      'deploy_serverless_app_help', 'webapp_deployment_help', 'list_registries', 'search_schema', 'describe_schema', 'esm_guidance', 'esm_get_config_tradeoff',
      'esm_validate_configs', 'esm_deployment_precheck', 'esm_kafka_troubleshoot', 'esm_kafka_diagnosis', 'esm_kafka_resolution', 'esm_optimize',
      'esm_msk_policy', 'esm_msk_security_group', 'secure_esm_dynamodb_policy', 'secure_esm_kinesis_policy', 'secure_esm_msk_policy', 'secure_esm_sqs_policy',
    ],
    // sam_local_invoke runs the function locally, but with the caller's credentials.
    mutations: ['sam_deploy', 'deploy_webapp', 'update_webapp_frontend', 'configure_domain', 'sam_local_invoke'],
    distinctive: ['sam_deploy', 'deploy_webapp', 'update_webapp_frontend', 'sam_local_invoke'],
  },
  {
    // awslabs/mcp src/eks-mcp-server
    title: 'Amazon EKS MCP server (awslabs.eks-mcp-server)',
    names: /(^|[^a-z])eks([^a-z]|$)/i,
    reads: [
      'list_k8s_resources', 'read_k8s_resource', 'list_api_versions', 'get_pod_logs', 'get_k8s_events', 'get_cloudwatch_logs', 'get_cloudwatch_metrics',
      'get_eks_metrics_guidance', 'get_eks_vpc_config', 'get_eks_insights', 'get_policies_for_role', 'search_eks_troubleshoot_guide', 'generate_app_manifest',
    ],
    mutations: ['apply_yaml', 'manage_k8s_resource', 'add_inline_policy'],
    judged: { manage_eks_stacks: { kind: 'choice', arg: 'operation', reads: ['generate', 'describe'] } },
    distinctive: ['manage_eks_stacks', 'apply_yaml', 'manage_k8s_resource', 'add_inline_policy'],
  },
  {
    // awslabs/mcp src/ecs-mcp-server
    title: 'Amazon ECS MCP server (awslabs.ecs-mcp-server)',
    names: /(^|[^a-z])ecs([^a-z]|$)/i,
    reads: ['containerize_app', 'get_deployment_status', 'ecs_troubleshooting_tool', 'validate_ecs_express_mode_prerequisites', 'wait_for_service_ready'],
    mutations: ['create_ecs_infrastructure', 'delete_ecs_infrastructure', 'delete_app', 'build_and_push_image_to_ecr'],
    judged: { ecs_resource_management: { kind: 'api-operation', arg: 'api_operation' } },
    distinctive: ['create_ecs_infrastructure', 'delete_ecs_infrastructure', 'ecs_resource_management', 'build_and_push_image_to_ecr'],
  },
  {
    // awslabs/mcp src/iam-mcp-server
    title: 'AWS IAM MCP server (awslabs.iam-mcp-server)',
    names: /(^|[^a-z])iam([^a-z]|$)/i,
    reads: [
      'list_users', 'get_user', 'list_roles', 'list_policies', 'get_managed_policy_document', 'simulate_principal_policy', 'list_groups', 'get_group',
      'get_user_policy', 'get_role_policy', 'list_user_policies', 'list_role_policies',
    ],
    mutations: [
      'create_user', 'delete_user', 'create_role', 'attach_user_policy', 'detach_user_policy', 'create_access_key', 'delete_access_key', 'create_group',
      'delete_group', 'add_user_to_group', 'remove_user_from_group', 'attach_group_policy', 'detach_group_policy', 'put_user_policy', 'delete_user_policy',
      'put_role_policy', 'delete_role_policy',
    ],
    distinctive: ['simulate_principal_policy', 'get_managed_policy_document', 'attach_user_policy', 'put_role_policy', 'create_access_key'],
  },
  {
    // Kiro CLI's (and Amazon Q Developer CLI's) built-in AWS tool: {service_name, operation_name, parameters, region}.
    title: 'built-in AWS tool (use_aws)',
    names: /(?!)/, // built in: no server name
    reads: [],
    mutations: [],
    judged: { use_aws: { kind: 'aws-service-operation', service: 'service_name', operation: 'operation_name' } },
    distinctive: ['use_aws'],
  },
  {
    // @pulumi/mcp-server (tool names from its README; its package is not on the registry this project uses, so not read from source): the Pulumi CLI and registry.
    title: 'Pulumi MCP server (@pulumi/mcp-server)',
    names: /pulumi/i,
    reads: ['pulumi-registry-get-type', 'pulumi-registry-get-resource', 'pulumi-registry-list-resources', 'pulumi-registry-get-function', 'pulumi-registry-list-functions', 'pulumi-cli-preview', 'pulumi-cli-stack-output'],
    mutations: ['pulumi-cli-up', 'pulumi-cli-refresh', 'deploy-to-aws'],
    distinctive: ['pulumi-cli-up', 'pulumi-cli-refresh', 'pulumi-cli-preview', 'deploy-to-aws'],
  },
];
