package palette.handlers;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The one credentials provider every AWS client of a function uses: the SDK's default chain, built
 * once per container at init so SnapStart's snapshot holds its classes. The chain is what makes the
 * code work wherever Lambda puts the role's credentials: access-key variables for an on-demand
 * function, the container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) for one restored from a SnapStart snapshot. Reading
 * the access-key variables directly fails every job in the second case.
 */
public final class LambdaCredentials {
  private static final AwsCredentialsProvider CHAIN = DefaultCredentialsProvider.builder().build();

  private LambdaCredentials() {}

  /** The shared default chain; it caches and refreshes what it resolves. */
  public static AwsCredentialsProvider provider() {
    return CHAIN;
  }
}
