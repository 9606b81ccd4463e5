import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffRequests1796101322592 implements MigrationInterface {
  name = 'StaffRequests1796101322592';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`staff_request\` (\`id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`school_id\` varchar(36) NOT NULL, \`subject\` varchar(30) NOT NULL, \`headcount\` int NOT NULL, \`needed_from\` date NOT NULL, \`reason\` varchar(1000) NULL, \`status\` varchar(12) NOT NULL, \`quota_year\` int NOT NULL, \`allocated_quota\` int NULL, \`headcount_milli\` int NOT NULL, \`over_quota\` tinyint NOT NULL, \`covered_milli\` int NOT NULL DEFAULT '0', \`submitted_on\` date NOT NULL, \`submitted_at\` datetime(3) NOT NULL, \`submitted_by\` varchar(36) NOT NULL, \`submitted_by_username\` varchar(64) NOT NULL, \`decided_at\` datetime(3) NULL, \`decided_by\` varchar(36) NULL, \`decided_by_username\` varchar(64) NULL, \`decision_note\` varchar(1000) NULL, \`cancelled_at\` datetime(3) NULL, \`fulfilled_at\` datetime(3) NULL, \`version\` int NOT NULL DEFAULT '1', \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_c1204feaf07da57bb28c005aeb\` (\`school_id\`, \`status\`, \`submitted_at\`), INDEX \`IDX_5845bc8eaa0b5541482a214814\` (\`county_id\`, \`status\`, \`submitted_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`staff_request_event\` (\`id\` varchar(36) NOT NULL, \`request_id\` varchar(36) NOT NULL, \`event\` varchar(24) NOT NULL, \`status_after\` varchar(12) NOT NULL, \`at\` datetime(3) NOT NULL, \`actor_id\` varchar(36) NULL, \`actor_username\` varchar(64) NOT NULL, \`actor_role\` varchar(20) NOT NULL, \`note\` varchar(1000) NULL, \`posting_id\` varchar(36) NULL, \`fraction_milli\` int NULL, INDEX \`IDX_d2dd6fd077b692b10593512c22\` (\`request_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`staff_request_flag\` (\`request_id\` varchar(36) NOT NULL, \`flag_id\` varchar(36) NOT NULL, PRIMARY KEY (\`request_id\`, \`flag_id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`staff_request_fulfilment\` (\`id\` varchar(36) NOT NULL, \`request_id\` varchar(36) NOT NULL, \`posting_id\` varchar(36) NOT NULL, \`teacher_id\` varchar(36) NOT NULL, \`kind\` varchar(12) NOT NULL, \`start_date\` date NOT NULL, \`end_date\` date NULL, \`fraction_milli\` int NOT NULL, \`recorded_at\` datetime(3) NOT NULL, \`recorded_by\` varchar(36) NULL, \`recorded_by_username\` varchar(64) NOT NULL, UNIQUE INDEX \`IDX_5699b3756f303d812951db360d\` (\`posting_id\`), INDEX \`IDX_560e6d7718b283a8cb494f76ed\` (\`request_id\`, \`recorded_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`staff_request\` ADD CONSTRAINT \`FK_a2476d2da6d56e2b251ed73505c\` FOREIGN KEY (\`school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`staff_request_event\` ADD CONSTRAINT \`FK_05cc9ba2cf3549bd04ca0d4f024\` FOREIGN KEY (\`request_id\`) REFERENCES \`staff_request\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`staff_request_flag\` ADD CONSTRAINT \`FK_e1bb411b0af1a0e45e4c79606a1\` FOREIGN KEY (\`request_id\`) REFERENCES \`staff_request\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`staff_request_flag\` ADD CONSTRAINT \`FK_f5a9f4266adbd9857f7ce0f0bae\` FOREIGN KEY (\`flag_id\`) REFERENCES \`shortage_flag\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`staff_request_fulfilment\` ADD CONSTRAINT \`FK_4c7f2b3f7ee5e9171cc49830db2\` FOREIGN KEY (\`request_id\`) REFERENCES \`staff_request\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff_request_fulfilment\` DROP FOREIGN KEY \`FK_4c7f2b3f7ee5e9171cc49830db2\``);
    await queryRunner.query(`ALTER TABLE \`staff_request_flag\` DROP FOREIGN KEY \`FK_f5a9f4266adbd9857f7ce0f0bae\``);
    await queryRunner.query(`ALTER TABLE \`staff_request_flag\` DROP FOREIGN KEY \`FK_e1bb411b0af1a0e45e4c79606a1\``);
    await queryRunner.query(`ALTER TABLE \`staff_request_event\` DROP FOREIGN KEY \`FK_05cc9ba2cf3549bd04ca0d4f024\``);
    await queryRunner.query(`ALTER TABLE \`staff_request\` DROP FOREIGN KEY \`FK_a2476d2da6d56e2b251ed73505c\``);
    await queryRunner.query(`DROP INDEX \`IDX_560e6d7718b283a8cb494f76ed\` ON \`staff_request_fulfilment\``);
    await queryRunner.query(`DROP INDEX \`IDX_5699b3756f303d812951db360d\` ON \`staff_request_fulfilment\``);
    await queryRunner.query(`DROP TABLE \`staff_request_fulfilment\``);
    await queryRunner.query(`DROP TABLE \`staff_request_flag\``);
    await queryRunner.query(`DROP INDEX \`IDX_d2dd6fd077b692b10593512c22\` ON \`staff_request_event\``);
    await queryRunner.query(`DROP TABLE \`staff_request_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_5845bc8eaa0b5541482a214814\` ON \`staff_request\``);
    await queryRunner.query(`DROP INDEX \`IDX_c1204feaf07da57bb28c005aeb\` ON \`staff_request\``);
    await queryRunner.query(`DROP TABLE \`staff_request\``);
  }
}
