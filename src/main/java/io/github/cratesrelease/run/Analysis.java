package io.github.cratesrelease.run;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.plan.ReleaseSet;
import io.github.cratesrelease.spec.ReleaseSpec;

/** A spec read together with its workspace: the findings, and the plan when there are no errors. */
public record Analysis(ReleaseSpec spec, CargoWorkspace workspace, CargoConfig cargoConfig, ReleaseSet releaseSet,
        Diagnostics diagnostics, PublishPlan plan) {
}
