using OpsBot.Functions.Configuration;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.State;

public sealed class ClaimLeaseTests
{
    [Fact]
    public void A_lease_for_a_function_outlasts_its_timeout_by_the_margin()
    {
        var lease = ClaimLease.ForFunction(TimeSpan.FromSeconds(60));

        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90)), (lease.FunctionTimeout, lease.Lease));
    }

    [Fact]
    public void A_local_runner_on_a_queue_keeps_its_lease_below_the_visibility_timeout()
    {
        var lease = ClaimLease.ForQueue(TimeSpan.FromSeconds(30));

        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(22.5)), (lease.FunctionTimeout, lease.Lease));
        lease.EnsureBelow(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Settings_fitted_to_a_short_lease_shorten_the_message_budget_and_every_call()
    {
        var settings = new OpsBotSettings { TableName = "opsbot-state", AlertTopicArn = "arn:aws:sns:us-east-1:123456789012:a", EventBusName = "default", PolicyPaths = ["policies"], Region = "us-east-1" };

        var fitted = settings.FittedTo(ClaimLease.ForQueue(TimeSpan.FromSeconds(10)));

        Assert.Equal(TimeSpan.FromSeconds(5), fitted.FunctionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2.5), fitted.MessageBudget);
        Assert.Equal(TimeSpan.FromSeconds(2.5), fitted.AwsRetry.Budget);
        Assert.Equal(TimeSpan.FromSeconds(1.25), fitted.AwsRetry.AttemptTimeout);
        fitted.Validate();
    }

    [Fact]
    public void A_message_budget_shorter_than_one_calls_retry_budget_is_refused_by_name()
    {
        var settings = new OpsBotSettings { TableName = "opsbot-state", AlertTopicArn = "arn:aws:sns:us-east-1:123456789012:a", EventBusName = "default", PolicyPaths = ["policies"], Region = "us-east-1", MessageBudget = TimeSpan.FromSeconds(5) };

        var error = Assert.Throws<InvalidSettingException>(settings.Validate);

        Assert.Equal(OpsBotSettings.MessageBudgetVariable, error.Setting);
    }
}
