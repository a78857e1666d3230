"""Default calibration of the bioRegion model, with the source next to every number.

All money is in US dollars (the currency of the cost studies); all durations are
in years and converted to quarters by the model. A scenario may override any
field by name under ``calibration:`` (see :mod:`bioregion.simulate.scenario`).

Duration distribution
---------------------
Phase durations are gamma distributed with the published mean and a shape of
``duration_shape`` (4 by default, a coefficient of variation of 0.5). The sources
give means only; the shape is our assumption, chosen so that durations are
positive and right-skewed, as observed for clinical phases. Because durations are
drawn independently of success, the mean time from phase I to approval of the
approved programs is the sum of the phase means, 2.3 + 3.6 + 3.3 + 1.3 = 10.5 years.

References
----------
.. [1] BIO, Informa Pharma Intelligence & QLS Advisors (2021). *Clinical
   Development Success Rates and Contributing Factors 2011-2020*. Phase
   transition rates, likelihood of approval 7.9 % from phase I, phase durations.
.. [2] DiMasi, J. A., Grabowski, H. G. & Hansen, R. W. (2016). Innovation in
   the pharmaceutical industry: new estimates of R&D costs. *Journal of Health
   Economics* 47, 20-33. Out-of-pocket phase costs per investigational compound
   (phase I 25.3, II 58.6, III 255.4 million 2013 USD) and USD 2,558 million
   capitalised cost per approved drug.
.. [3] Paul, S. M. et al. (2010). How to improve R&D productivity. *Nature
   Reviews Drug Discovery* 9, 203-214. Preclinical success 69 %, about 1 year.
.. [4] Powell, W. W., White, D. R., Koput, K. W. & Owen-Smith, J. (2005).
   Network dynamics and field evolution. *American Journal of Sociology* 110,
   1132-1205. Partner choice weights (accumulative advantage, homophily,
   follow-the-trend, multiconnectivity).
.. [5] Segers, J.-P. (2017). New biotechnology firms in the bioRegions of
   Flanders & Wallonia. Alliance modalities, business models, the valley of death.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping

from ..errors import ValidationError

__all__ = ["Calibration", "PHASES", "SOURCES"]

#: The clinical phases whose transition the pipeline process draws, in order.
PHASES: tuple[str, ...] = ("phase1", "phase2", "phase3", "filed")


@dataclass(frozen=True)
class Calibration:
    """Every rate and amount of the model; defaults are the published values.

    Attributes are grouped by process. Rates named ``*_per_year`` are converted
    to quarterly probabilities by the model (``1 - (1 - p) ** 0.25``).
    """

    # --- pipeline attrition [1] [3]: preclinical, phase1, phase2, phase3, filed
    transition: tuple[float, ...] = (0.69, 0.520, 0.289, 0.578, 0.906)
    duration_years: tuple[float, ...] = (1.0, 2.3, 3.6, 3.3, 1.3)
    duration_shape: float = 4.0
    # --- out-of-pocket cost per program per stage, USD [2]
    stage_cost: tuple[float, ...] = (5.0e6, 25.3e6, 58.6e6, 255.4e6, 10.0e6)
    capitalised_cost_per_approval: float = 2.558e9
    # --- firm operations [5] (assumptions, calibrate with `simulate calibrate`)
    overhead_per_quarter: float = 0.6e6
    seed_round: float = 2.0e6
    platform_revenue_per_quarter: float = 0.5e6
    product_revenue_per_year: float = 150e6
    new_program_rate_per_year: float = 0.3
    # --- knowledge producers and spin-offs (assumptions)
    discoveries_per_year: float = 0.8
    spin_off_probability: float = 0.05
    # --- venture finance (assumptions; round sizes by highest stage, USD)
    venture_round_probability: float = 0.35
    round_size: tuple[float, ...] = (8e6, 20e6, 35e6, 50e6, 50e6)
    ipo_probability: float = 0.06
    ipo_amount: float = 90e6
    ipo_window_open_per_year: float = 0.5
    ipo_window_close_per_year: float = 0.5
    # --- deals (assumptions; upfront and milestones by stage at signing, USD)
    license_rate_per_year: float = 0.8
    upfront: tuple[float, ...] = (5e6, 15e6, 40e6, 80e6, 100e6)
    milestones: tuple[float, ...] = (60e6, 150e6, 300e6, 400e6, 200e6)
    royalty_rate: float = 0.08
    collaboration_rate_per_year: float = 0.25
    collaboration_funding: float = 3e6
    acquisition_rate_per_year: float = 0.15
    acquisition_premium: float = 3.0
    fipco_probability: float = 0.3
    # --- big pharma [2]
    pharma_target_pipeline: int = 12
    products_per_pharma: int = 8
    pharma_programs_per_year: float = 2.0
    exclusivity_years: float = 10.0
    # --- partner choice [4]: weights of proximity, prior ties, degree, complementarity
    partner_weights: tuple[float, ...] = (1.0, 1.5, 1.0, 1.0)
    distance_scale_km: float = 150.0
    capabilities: int = 8
    learning_rate: float = 0.1

    def with_overrides(self, overrides: Mapping[str, Any]) -> "Calibration":
        """Return a copy with the named fields replaced (validated).

        Raises
        ------
        ValidationError
            Naming an unknown field or a value of the wrong shape.
        """
        names = {f.name: f for f in dataclasses.fields(self)}
        clean: dict[str, Any] = {}
        for key, value in overrides.items():
            if key not in names:
                raise ValidationError(
                    f"unknown calibration key '{key}'; use one of: {', '.join(sorted(names))}",
                    field=f"calibration.{key}",
                )
            clean[key] = _coerce(key, value, getattr(self, key))
        return dataclasses.replace(self, **clean)


def _coerce(key: str, value: Any, default: Any) -> Any:
    where = f"calibration.{key}"
    if isinstance(default, tuple):
        if not isinstance(value, (list, tuple)) or len(value) != len(default):
            raise ValidationError(f"needs a list of {len(default)} numbers, e.g. {list(default)}", field=where)
        return tuple(_number(v, where) for v in value)
    number = _number(value, where)
    return int(number) if isinstance(default, int) else number


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(f"'{value}' is not a number; write e.g. 0.5", field=where)
    if value < 0:
        raise ValidationError(f"{value} is negative; rates and amounts are >= 0", field=where)
    return float(value)


#: Where each group of defaults comes from (shown by ``simulate calibrate --show``).
SOURCES: Mapping[str, str] = {
    "transition": "BIO/Informa/QLS 2011-2020 (phases I-filing); Paul et al. 2010 (preclinical)",
    "duration_years": "BIO/Informa/QLS 2011-2020 (phases I-filing); Paul et al. 2010 (preclinical)",
    "duration_shape": "assumption: gamma shape 4 (coefficient of variation 0.5)",
    "stage_cost": "DiMasi et al. 2016 out-of-pocket phase costs (2013 USD); preclinical and filing assumed",
    "capitalised_cost_per_approval": "DiMasi et al. 2016",
    "partner_weights": "Powell et al. 2005 mechanisms; weights are assumptions",
}
