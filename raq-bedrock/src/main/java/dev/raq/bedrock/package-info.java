/**
 * RAQ model clients on AWS: {@link dev.raq.bedrock.BedrockClient} for the Amazon Bedrock Runtime Converse and
 * ConverseStream APIs (Nova, Claude and every other Bedrock model), and {@link dev.raq.bedrock.SageMakerClient} for a
 * JSON-in/JSON-out SageMaker endpoint. Credentials come from the AWS SDK's default chain unless given, and appear in no
 * log, exception, {@code toString} or fingerprint; failures are mapped to RAQ's retriable and non-retriable
 * exceptions in one place.
 */
@NullMarked
package dev.raq.bedrock;

import org.jspecify.annotations.NullMarked;
