namespace OpsBot.Rules.Facts;

/// <summary>Which side of a security group a permission belongs to.</summary>
public enum TrafficDirection
{
    /// <summary>Traffic entering the resources that use the group.</summary>
    Ingress,

    /// <summary>Traffic leaving the resources that use the group.</summary>
    Egress,
}
