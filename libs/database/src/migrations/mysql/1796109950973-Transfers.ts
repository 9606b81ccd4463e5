import { MigrationInterface, QueryRunner } from 'typeorm';

export class Transfers1796109950973 implements MigrationInterface {
  name = 'Transfers1796109950973';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`transfer\` (\`id\` varchar(36) NOT NULL, \`teacher_id\` varchar(36) NOT NULL, \`from_school_id\` varchar(36) NOT NULL, \`from_county_id\` varchar(6) NOT NULL, \`to_school_id\` varchar(36) NOT NULL, \`to_county_id\` varchar(6) NOT NULL, \`effective_date\` date NOT NULL, \`reason\` varchar(1000) NOT NULL, \`status\` varchar(12) NOT NULL, \`poaching_blocked\` tinyint NOT NULL, \`poaching_reason_zh\` varchar(500) NOT NULL, \`poaching_reason_en\` varchar(500) NOT NULL, \`policy_version\` varchar(64) NOT NULL, \`exception_by\` varchar(36) NULL, \`exception_by_username\` varchar(64) NULL, \`exception_at\` datetime(3) NULL, \`exception_reason\` varchar(1000) NULL, \`decided_by\` varchar(36) NULL, \`decided_by_username\` varchar(64) NULL, \`decided_at\` datetime(3) NULL, \`decision_note\` varchar(1000) NULL, \`executed_at\` datetime(3) NULL, \`posting_id\` varchar(36) NULL, \`cancelled_at\` datetime(3) NULL, \`created_by\` varchar(36) NOT NULL, \`created_by_username\` varchar(64) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_03ec5b8329b699a6953c22f8d4\` (\`teacher_id\`, \`created_at\`), INDEX \`IDX_499cee2d8376ae9568b88adb28\` (\`to_county_id\`, \`status\`, \`created_at\`), INDEX \`IDX_c224bc6f31d0368726005e2727\` (\`from_county_id\`, \`status\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`transfer\` ADD CONSTRAINT \`FK_9585c621ae85192ce9f98a5e5dc\` FOREIGN KEY (\`teacher_id\`) REFERENCES \`teacher\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`transfer\` ADD CONSTRAINT \`FK_5381c48f8aa1a426740d3999764\` FOREIGN KEY (\`from_school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`transfer\` ADD CONSTRAINT \`FK_32ce718916b7a1d07b5fe86376a\` FOREIGN KEY (\`to_school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`transfer\` DROP FOREIGN KEY \`FK_32ce718916b7a1d07b5fe86376a\``);
    await queryRunner.query(`ALTER TABLE \`transfer\` DROP FOREIGN KEY \`FK_5381c48f8aa1a426740d3999764\``);
    await queryRunner.query(`ALTER TABLE \`transfer\` DROP FOREIGN KEY \`FK_9585c621ae85192ce9f98a5e5dc\``);
    await queryRunner.query(`DROP INDEX \`IDX_c224bc6f31d0368726005e2727\` ON \`transfer\``);
    await queryRunner.query(`DROP INDEX \`IDX_499cee2d8376ae9568b88adb28\` ON \`transfer\``);
    await queryRunner.query(`DROP INDEX \`IDX_03ec5b8329b699a6953c22f8d4\` ON \`transfer\``);
    await queryRunner.query(`DROP TABLE \`transfer\``);
  }
}
