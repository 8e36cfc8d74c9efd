"""Every write of the domain. Interfaces call these and nothing else."""
