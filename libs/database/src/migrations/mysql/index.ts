import { Registry1795958975916 } from './1795958975916-Registry';
import { TrainingLedger1795961449283 } from './1795961449283-TrainingLedger';
import { TrainingReportIndexes1795969525936 } from './1795969525936-TrainingReportIndexes';
import { AccountTokenVersion1796086973085 } from './1796086973085-AccountTokenVersion';
import { Outbox1796087105469 } from './1796087105469-Outbox';
import { Notifications1796093970234 } from './1796093970234-Notifications';
import { ShortageScans1796098828298 } from './1796098828298-ShortageScans';
import { StaffingQuotas1796100787593 } from './1796100787593-StaffingQuotas';
import { StaffRequests1796101322592 } from './1796101322592-StaffRequests';
import { RotationExemptions1796103324770 } from './1796103324770-RotationExemptions';
import { RotationPlans1796109762031 } from './1796109762031-RotationPlans';
import { Transfers1796109950973 } from './1796109950973-Transfers';
import { Imports1796113149216 } from './1796113149216-Imports';

/** In order of creation; the service runs them on start. */
export const MYSQL_MIGRATIONS: (new () => unknown)[] = [Registry1795958975916, TrainingLedger1795961449283, TrainingReportIndexes1795969525936, AccountTokenVersion1796086973085, Outbox1796087105469, Notifications1796093970234, ShortageScans1796098828298, StaffingQuotas1796100787593, StaffRequests1796101322592, RotationExemptions1796103324770, RotationPlans1796109762031, Transfers1796109950973, Imports1796113149216];
